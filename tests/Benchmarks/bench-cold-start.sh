#!/usr/bin/env bash
# Cold start of the installed tool against a hello-world console app packed and installed the same way (a RID-specific
# ReadyToRun .NET tool, the same runtime settings), in the same run: `bsgkit --version` and one simulated query.
# Prints the median of RUNS process starts each, the ratios and the targets (--version ≤ 1.5×, the query ≤ 3×);
# exits 1 when a ratio is over its target. With --jit also the tool without ReadyToRun, to show what it buys.
#   bash tests/Benchmarks/bench-cold-start.sh [RUNS=20] [--jit]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-20}
JIT=0; [ "${2-}" = "--jit" ] || [ "${1-}" = "--jit" ] && JIT=1
[[ $RUNS =~ ^[0-9]+$ ]] || RUNS=20
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
rid=linux-x64; [ "$(uname -m)" = "x86_64" ] || rid=linux-arm64
version="0.1.0-bench.$(date +%s).$$"
work=$(mktemp -d /tmp/bsgkit-bench-XXXXXX)
cleanup() {
  rm -rf "$work"
  local cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
  for id in bsgkit "bsgkit.$rid" hello-bench "hello-bench.$rid"; do rm -rf "${cache:?}/$id/$version" "${cache:?}/$id/$version.jit"; done
}
trap cleanup EXIT

# The baseline: the same tool packaging and runtime settings as src/Tool/BsgKit.Tool.csproj, printing one line.
mkdir -p "$work/hello"
props=$(sed -n '/<RuntimeIdentifiers>/p; /<SelfContained>/p; /<PublishReadyToRun>/p; /<TieredPGO>/p' src/Tool/BsgKit.Tool.csproj)
[ "$(grep -c . <<<"$props")" -eq 4 ] || { echo "bench: cannot read the tool's runtime settings from src/Tool/BsgKit.Tool.csproj" >&2; exit 1; }
cat > "$work/hello/hello.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
    <SatelliteResourceLanguages>en</SatelliteResourceLanguages>
    <PackAsTool>true</PackAsTool>
    <ToolCommandName>hello</ToolCommandName>
    <PackageId>hello-bench</PackageId>
$props
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello, world");' > "$work/hello/Program.cs"

pack() { # $1 = version, then the project and properties
  local v=$1; shift
  dotnet pack "$@" -c Release -o "$work/feed" --artifacts-path "$work/artifacts" -p:Version="$v" -p:RuntimeIdentifiers=$rid -v q -nologo > "$work/pack.log" 2>&1 \
    || { tail -30 "$work/pack.log" >&2; exit 1; }
}
install() { dotnet tool install "$1" --version "$2" --tool-path "$3" --add-source "$work/feed" > /dev/null || exit 1; }
pack "$version" "$work/hello/hello.csproj"; install hello-bench "$version" "$work/tools"
pack "$version" src/Tool/BsgKit.Tool.csproj; install bsgkit "$version" "$work/tools"
if [ "$JIT" = 1 ]; then # the same tool without ReadyToRun, under a version of its own, in a tool path of its own
  rm -rf "$work/artifacts"
  pack "$version.jit" src/Tool/BsgKit.Tool.csproj -p:PublishReadyToRun=false; install bsgkit "$version.jit" "$work/tools-jit"
fi
T=$work/tools

median_ms() { # the median wall time of RUNS starts of "$@" (after one warm-up, so the files are in the page cache)
  "$@" > /dev/null 2>&1 || { echo "bench: '$*' failed" >&2; exit 1; }
  local i start end
  for ((i = 0; i < RUNS; i++)); do
    start=$EPOCHREALTIME; "$@" > /dev/null 2>&1; end=$EPOCHREALTIME
    echo "$start $end"
  done | awk '{ split($1, a, "."); split($2, b, "."); print (b[1] - a[1]) * 1000 + (b[2] - a[2]) / 1000 }' | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

query=(--simulate lab ns gpn-id 0x010a00)
hello=$(median_ms "$T/hello")
version_ms=$(median_ms "$T/bsgkit" --version)
query_ms=$(median_ms "$T/bsgkit" "${query[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
over() { awk -v r="$1" -v t="$2" 'BEGIN { exit !(r > t) }'; }
v_ratio=$(ratio "$version_ms" "$hello"); q_ratio=$(ratio "$query_ms" "$hello")
echo "cold start, median of $RUNS runs each ($rid, ReadyToRun tool packages, $(nproc) cores):"
printf '  %-44s %8s ms\n' "hello world (baseline)" "$hello"
printf '  %-44s %8s ms  %5s×  (target ≤ 1.5×)\n' "bsgkit --version" "$version_ms" "$v_ratio"
printf '  %-44s %8s ms  %5s×  (target ≤ 3×)\n' "bsgkit ${query[*]}" "$query_ms" "$q_ratio"
if [ "$JIT" = 1 ]; then
  jv=$(median_ms "$work/tools-jit/bsgkit" --version); jq=$(median_ms "$work/tools-jit/bsgkit" "${query[@]}")
  printf '  %-44s %8s ms  %5s×\n' "without ReadyToRun: --version" "$jv" "$(ratio "$jv" "$hello")"
  printf '  %-44s %8s ms  %5s×\n' "without ReadyToRun: the query" "$jq" "$(ratio "$jq" "$hello")"
fi
status=0
over "$v_ratio" 1.5 && { echo "bsgkit --version is over its target"; status=1; }
over "$q_ratio" 3 && { echo "the simulated query is over its target"; status=1; }
exit $status
