#!/usr/bin/env bash
# Proves the install a new user does (run by .ci/run after the tests; about 2 minutes on a quiet 2-core machine):
#  1. packs every package (BsgKit.Bsg, .Fc, .Iscsi, .Simulator, the bsgkit tool) into a local feed (building in a
#     directory of its own, so it never shares obj/ with a build in the work tree), under a version
#     of its own so no cached copy of an earlier build can stand in for it;
#     checks each library package's README, license, XML documentation, symbols and SourceLink;
#  2. installs the tool from that feed into an empty tool path and runs `bsgkit --version` and a simulated query;
#  3. builds a throwaway console app that references the packed libraries (PackageReference, not project references)
#     and runs the library examples of README.md and of each package README, as written;
#  4. finds bsgkit.1 in the installed package (the same page `bsgkit man` prints), renders it with `man -l` and checks it lists every command (walked through the installed tool's
#     --help, not through the code that writes the page); without man this fails under CI=true;
#  5. sources the bash completion script and checks it completes a subcommand, a host, a remote port and a scenario;
#     the zsh and fish scripts complete a remote port (both shells are needed under CI=true).
#   bash tests/Install/run-install-check.sh [--all-rids]   (default: the tool package of this machine's RID only)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$(date +%s)
step() { echo "install check: $* ($(( $(date +%s) - start ))s)"; }
fail() { echo "install check: FAILED: $*" >&2; exit 1; }

version="0.1.0-installcheck.$(date +%s).$$"
work=$(mktemp -d /tmp/bsgkit-install-XXXXXX)
cleanup() {
  rm -rf "$work"
  # The restore below put this one-off version into the NuGet cache; nothing else will ever use it.
  local cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
  for id in bsgkit bsgkit.linux-x64 bsgkit.linux-arm64 bsgkit.bsg bsgkit.fc bsgkit.iscsi bsgkit.simulator; do
    rm -rf "${cache:?}/$id/$version"
  done
}
trap cleanup EXIT
feed=$work/feed tools=$work/tools app=$work/app

rid_args=()
[ "${1-}" = "--all-rids" ] || rid_args=(-p:RuntimeIdentifiers=linux-x64)
[ "$(uname -m)" = "x86_64" ] || [ "${1-}" = "--all-rids" ] || rid_args=(-p:RuntimeIdentifiers=linux-arm64)

# 1. Pack.
dotnet pack BsgKit.Packages.slnf -c Release -o "$feed" --artifacts-path "$work/artifacts" -p:Version="$version" "${rid_args[@]}" -v q -nologo > "$work/pack.log" 2>&1 \
  || { tail -30 "$work/pack.log" >&2; fail "dotnet pack"; }
for id in BsgKit.Bsg BsgKit.Fc BsgKit.Iscsi BsgKit.Simulator bsgkit; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "no $id package in the feed"
done
for id in BsgKit.Bsg BsgKit.Fc BsgKit.Iscsi BsgKit.Simulator; do
  [ -f "$feed/$id.$version.snupkg" ] || fail "no symbol package for $id"
  # The package carries the README, the license expression and the XML documentation.
  listing=$(unzip -l "$feed/$id.$version.nupkg")
  grep -q " README.md$" <<<"$listing" || fail "$id has no README.md"
  grep -q " lib/net10.0/$id.xml$" <<<"$listing" || fail "$id ships no XML documentation"
  unzip -p "$feed/$id.$version.nupkg" "$id.nuspec" | grep -q '<license type="expression">MIT</license>' || fail "$id has no license expression"
done
# SourceLink: the symbols point at this commit's sources in the project's repository; under CI the paths are
# deterministic (/_/), not this machine's.
commit=$(git rev-parse HEAD)
for id in BsgKit.Bsg BsgKit.Fc BsgKit.Iscsi BsgKit.Simulator; do
  unzip -p "$feed/$id.$version.snupkg" "lib/net10.0/$id.pdb" > "$work/$id.pdb"
  grep -aq "raw.githubusercontent.com/bsgkit/bsgkit/$commit/" "$work/$id.pdb" || fail "$id.pdb has no SourceLink to commit $commit"
  if [ "${CI-}" = "true" ]; then grep -aq '"/_/\*"' "$work/$id.pdb" || fail "$id.pdb: not a deterministic CI build (no /_/ source root)"; fi
done
step "packed $(cd "$feed" && ls | tr '\n' ' ')"

# 2. Install the tool into an empty tool path and run it from there.
dotnet tool install bsgkit --version "$version" --tool-path "$tools" --add-source "$feed" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "dotnet tool install"; }
bsgkit=$tools/bsgkit
[ -x "$bsgkit" ] || fail "no bsgkit in the tool path"
got=$("$bsgkit" --version)
[ "${got%%+*}" = "$version" ] || fail "bsgkit --version printed '$got', expected $version"
out=$("$bsgkit" --simulate lab ns gpn-id 0x010a00)
grep -q "0x500507680b214ac1" <<<"$out" || fail "the simulated query printed: $out"
json=$("$bsgkit" --simulate lab els rdp rport-1:0-2 -o json)
grep -q '"accepted": true' <<<"$json" || fail "bsgkit els rdp -o json printed: $json"
step "installed bsgkit $got; --simulate lab queries answer"

# 3. A console app on the packed libraries runs the READMEs' examples.
mkdir -p "$app"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="bsgkit-local" value="$feed" /></packageSources></configuration>
XML
cat > "$app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="BsgKit.Bsg" Version="$version" />
    <PackageReference Include="BsgKit.Fc" Version="$version" />
    <PackageReference Include="BsgKit.Iscsi" Version="$version" />
    <PackageReference Include="BsgKit.Simulator" Version="$version" />
  </ItemGroup>
</Project>
XML
# Each README's first csharp block as written (README.md: the one under "## As a library"): its using lines go to the
# top, the rest into a block of its own.
example() { # $1 = readme, $2 = the heading the example follows ("" = the first block)
  awk -v after="$2" 'after != "" && index($0, after) == 1 {seen = 1}
    (after == "" || seen) && /^```csharp$/ && !done {on = 1; next}
    on && /^```$/ {on = 0; done = 1}
    on {print}' "$1"
}
: > "$work/usings"; : > "$work/bodies"
for readme in README.md src/Bsg/README.md src/Transports/Fc/README.md src/Transports/Iscsi/README.md src/Simulator/README.md; do
  heading=""; [ "$readme" = README.md ] && heading="## As a library"
  example "$readme" "$heading" > "$work/example.cs"
  [ -s "$work/example.cs" ] || fail "$readme has no csharp example"
  grep -E '^using [A-Za-z.]+;$' "$work/example.cs" >> "$work/usings" || true
  { echo "Console.WriteLine(\"== $readme\");"; echo "{"; grep -vE '^using [A-Za-z.]+;$' "$work/example.cs"; echo "}"; } >> "$work/bodies"
done
{ awk '!seen[$0]++' "$work/usings"; echo; cat "$work/bodies"; } > "$app/Program.cs"
dotnet run --project "$app" -v q -nologo > "$work/app.out" 2> "$work/app.err" \
  || { cat "$work/app.err" "$work/app.out" >&2; fail "the README examples did not build or run on the packages"; }
grep -q "0x010a00 is 0x500507680b214ac1" "$work/app.out" || { cat "$work/app.out" >&2; fail "README.md's library example printed something else"; }
grep -q "flash 0x100 = " "$work/app.out" || { cat "$work/app.out" >&2; fail "the BsgKit.Iscsi example printed something else"; }
grep -q "^lab: 2 FC host(s)" "$work/app.out" || { cat "$work/app.out" >&2; fail "the BsgKit.Simulator example printed something else"; }
# The app referenced packages only: its assets name BsgKit.* as packages of this version, no project.
grep -q "\"BsgKit.Fc/$version\"" "$app/obj/project.assets.json" || fail "the app did not restore BsgKit.Fc $version from the feed"
step "a console app on the packages ran the README examples"

# 4. The man page renders and lists every command.
commands() { # the command paths under $@, walked through the installed tool's --help
  local sub
  for sub in $("$bsgkit" "$@" --help | awk '/^Commands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}'); do
    echo "$* $sub" | sed 's/^ //'
    commands "$@" "$sub"
  done
}
mapfile -t paths < <(commands)
[ "${#paths[@]}" -ge 60 ] || fail "only ${#paths[@]} commands found through --help"
# The page ships in the installed package (generated by the build from the command tree) and is what `bsgkit man` prints.
shipped=$(find "$tools/.store" -path '*/tools/net10.0/*/bsgkit.1' | head -1)
[ -n "$shipped" ] || fail "the installed tool package has no bsgkit.1 (tools/net10.0/RID/bsgkit.1)"
"$bsgkit" man > "$work/bsgkit.1"
cmp -s <(grep -v '^\.TH' "$shipped") <(grep -v '^\.TH' "$work/bsgkit.1") || fail "the shipped $shipped differs from 'bsgkit man'"
step "the package ships bsgkit.1 (${shipped#"$tools/"}), the same page as 'bsgkit man'"
if command -v man >/dev/null 2>&1; then
  MANWIDTH=200 man -l "$shipped" > "$work/man.txt" 2> "$work/man.err" || { cat "$work/man.err" >&2; fail "man -l"; }
  [ ! -s "$work/man.err" ] || { cat "$work/man.err" >&2; fail "man -l warned"; }
  for p in "${paths[@]}"; do
    grep -qE "^ +bsgkit $p( |$)" "$work/man.txt" || fail "the man page does not list 'bsgkit $p'"
  done
  grep -q "EXIT STATUS" "$work/man.txt" || fail "the man page has no EXIT STATUS"
  step "man -l renders bsgkit(1) with all ${#paths[@]} commands"
elif [ "${CI-}" = "true" ]; then
  fail "man is not installed (.ci/run installs man-db)"
else
  step "man not installed: man page check not run (it runs in CI)"
fi

# 5. The bash completion script completes from the installed tool.
"$bsgkit" completion bash > "$work/bsgkit.bash"
completions=$(PATH="$tools:$PATH" bash -c '
  source "$1"
  COMP_WORDS=(bsgkit --simulate lab els rl); COMP_CWORD=4; _bsgkit_complete; echo "sub:${COMPREPLY[*]}"
  COMP_WORDS=(bsgkit --simulate lab -H ""); COMP_CWORD=4; _bsgkit_complete; echo "host:${COMPREPLY[*]}"
  COMP_WORDS=(bsgkit --simulate lab els rls rport-1); COMP_CWORD=5; _bsgkit_complete; echo "rport:${COMPREPLY[*]}"
  COMP_WORDS=(bsgkit sim show l); COMP_CWORD=3; _bsgkit_complete; echo "scenario:${COMPREPLY[*]}"
' _ "$work/bsgkit.bash")
grep -qx "sub:rls" <<<"$completions" || fail "bash completion of 'els rl': $completions"
grep -q "^host:.*host1.*" <<<"$completions" || fail "bash completion of '-H': $completions"
grep -q "^rport:.*rport-1:0-2" <<<"$completions" || fail "bash completion of 'rport-1': $completions"
grep -qx "scenario:lab libfc lpfc" <<<"$completions" || fail "bash completion of 'sim show l': $completions"
step "bash completion completes subcommands, hosts, remote ports and scenarios"

# zsh and fish: the same candidates through their own scripts (zsh with compadd standing in for the completion system).
for shell in zsh fish; do
  if ! command -v "$shell" >/dev/null 2>&1; then
    [ "${CI-}" = "true" ] && fail "$shell is not installed (.ci/run installs it)"
    step "$shell not installed: its completion is not checked (it is in CI)"
    continue
  fi
  "$bsgkit" completion "$shell" > "$work/bsgkit.$shell"
  if [ "$shell" = zsh ]; then
    got=$(PATH="$tools:$PATH" zsh -c 'compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -l -- "$@"; }
      _files() { print FILES; }
      source "$1"; words=(bsgkit --simulate lab els rls rport-1); CURRENT=6; _bsgkit' _ "$work/bsgkit.zsh")
  else
    got=$(PATH="$tools:$PATH" fish -c 'source $argv[1]; complete -C"bsgkit --simulate lab els rls rport-1"' "$work/bsgkit.fish")
  fi
  grep -qx "rport-1:0-2" <<<"$got" || fail "$shell completion of 'els rls rport-1': $got"
  step "$shell completion completes remote ports"
done

echo "install check: ok after $(( $(date +%s) - start ))s"
