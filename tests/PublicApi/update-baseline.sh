#!/usr/bin/env bash
# Regenerates the public-API baseline of the four libraries from the current code: PublicAPI.Shipped.txt lists every
# public type and member (one line each, with nullability), PublicAPI.Unshipped.txt is left empty. Then builds each
# library with the check on (BsgKitPublicApiCheck=true), which fails on any symbol missing from or extra in the files.
#   bash tests/PublicApi/update-baseline.sh [PROJECT_DIR ...]      (default: src/Bsg src/Transports/Fc src/Transports/Iscsi src/Simulator)
# Works offline: dotnet format runs the analyzer's own code fix (RS0016: add a symbol, RS0017: remove a gone one).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/Bsg src/Transports/Fc src/Transports/Iscsi src/Simulator)
# The check on for dotnet format's and the build's evaluation (an environment variable is an MSBuild property).
export BsgKitPublicApiCheck=true
header='#nullable enable'
for dir in "${projects[@]}"; do
  proj=$(ls "$dir"/*.csproj)
  # Start from nothing, so a removed or changed symbol does not survive: every line comes from the code as it is now.
  printf '%s\n' "$header" > "$dir/PublicAPI.Shipped.txt"
  printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"
  echo "update-baseline: $proj" >&2
  # The code fix adds each missing symbol to PublicAPI.Unshipped.txt.
  dotnet format analyzers "$proj" --diagnostics RS0016 RS0017 --severity info -v q
  # dotnet format does not fix generated code (the System.Text.Json contexts): the build names those symbols (RS0016).
  dotnet build "$proj" --no-restore -nologo -p:TreatWarningsAsErrors=false 2>&1 \
    | sed -nE "s/.*warning RS0016: Symbol '([^']*)' is not part of the declared public API.*/\1/p" >> "$dir/PublicAPI.Unshipped.txt"
  # Everything that exists is the baseline: move it into Shipped, sorted as the analyzer sorts, Unshipped empty again.
  { printf '%s\n' "$header"; grep -v -e '^#nullable' -e '^$' "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$dir/PublicAPI.Shipped.txt.new"
  mv "$dir/PublicAPI.Shipped.txt.new" "$dir/PublicAPI.Shipped.txt"
  printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"
  echo "update-baseline: $dir: $(($(wc -l < "$dir/PublicAPI.Shipped.txt") - 1)) public symbols" >&2
done
# Proof: with the check on, each library builds without RS0016/RS0017 (warnings are errors).
for dir in "${projects[@]}"; do
  dotnet build "$dir" --no-restore -nologo -clp:ErrorsOnly -p:BsgKitPublicApiCheck=true
done
echo "update-baseline: done; review the diff of */PublicAPI.*.txt" >&2
