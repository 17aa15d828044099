#!/usr/bin/env bash
# The request path against native baselines (a benchmark, not a test; needs root, gcc and the .NET SDK). Prints medians
# and ratios, each against a baseline run in this script on this machine:
#   1. managed vs native client: COUNT GPN_ID through FcHostClient (tests/Benchmarks request-loop) and through a C loop
#      of the same ioctl (native/native-client.c), side by side on the same `bsgkit sim run` server, in alternating
#      rounds; ratio of the medians (target ≤ 1.05).
#   2. sim run server vs a minimal C seccomp responder (native/native-responder.c): the C client's median under each
#      (target ≤ 1.2).
#   3. startup: `--simulate big ns gpn-id` and `--simulate lab ns gpn-id`, wall time (median of RUNS), of the ReadyToRun
#      tool as published for users (`dotnet publish src/Tool -c Release -r linux-x64`) and of the JIT (framework-dependent
#      build) one beside it.
#   bash tests/Benchmarks/bench-request-path.sh [COUNT=20000] [ROUNDS=5] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-20000} ROUNDS=${2:-5} RUNS=${3:-5}
PORT=0x010500 # the libfc scenario's first target (domain 1, port 5)
dotnet build -c Release src/Tool -v q -nologo >/dev/null
dotnet build -c Release tests/Benchmarks -v q -nologo >/dev/null
work=$(mktemp -d /tmp/bsgkit-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
gcc -O2 -Wall -o "$work/native-client" tests/Benchmarks/native/native-client.c
gcc -O2 -Wall -o "$work/native-responder" tests/Benchmarks/native/native-responder.c
dotnet publish src/Tool -c Release -r linux-x64 -o "$work/r2r" -v q -nologo >/dev/null
bsgkit=(dotnet "$PWD/src/Tool/bin/Release/net10.0/bsgkit.dll")
bsgkit_r2r=("$work/r2r/bsgkit")
managed=(dotnet "$PWD/tests/Benchmarks/bin/Release/net10.0/BsgKit.Benchmarks.dll" request-loop 1 "$PORT" "$COUNT")
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# 1 + 2a: alternating rounds of the C and the managed client inside one sim run.
cat > "$work/rounds.sh" <<SH
for r in \$(seq 1 $ROUNDS); do
  echo "native \$("$work/native-client" /dev/bsg/fc_host1 $PORT $COUNT)"
  echo "managed \$(${managed[*]})"
done
SH
"${bsgkit[@]}" sim run --scenario libfc -- sh "$work/rounds.sh" > "$work/rounds.txt"
native=$(awk '/^native/ { print $3 }' "$work/rounds.txt" | median)
managed_ns=$(awk '/^managed/ { print $3 }' "$work/rounds.txt" | median)
bytes=$(awk '/^managed/ { print $5 }' "$work/rounds.txt" | sort -n | tail -1)

# 2b: the C client under the minimal C responder (a regular file stands in for the node: the responder answers every SG_IO).
: > "$work/node"
for r in $(seq 1 "$ROUNDS"); do "$work/native-responder" "$work/native-client" "$work/node" "$PORT" "$COUNT"; done > "$work/responder.txt"
responder=$(awk '{ print $2 }' "$work/responder.txt" | median)

# 3: startup, wall time of whole commands (the first request is their only one).
# wall TOOL ARGS...: TOOL is the name of an array holding the command (bsgkit = JIT build, bsgkit_r2r = ReadyToRun).
wall() { local -n tool=$1; shift; local s e; for r in $(seq 1 "$RUNS"); do
  s=$(date +%s.%N); "${tool[@]}" "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", e - s }'; done | median; }
big_r2r=$(wall bsgkit_r2r --simulate big ns gpn-id 0x010200)
lab_r2r=$(wall bsgkit_r2r --simulate lab ns gpn-id 0x010a00)
big=$(wall bsgkit --simulate big ns gpn-id 0x010200)
lab=$(wall bsgkit --simulate lab ns gpn-id 0x010a00)

printf '%-62s %12s\n' "GPN_ID per request, native C client (sim run)" "$native ns" \
  "GPN_ID per request, managed FcHostClient (sim run)" "$managed_ns ns" \
  "GPN_ID per request, native C client (C responder)" "$responder ns" \
  "bytes allocated per request (managed, worst round)" "$bytes B" \
  "--simulate big ns gpn-id (ReadyToRun, wall, median of $RUNS)" "$big_r2r s" \
  "--simulate lab ns gpn-id (ReadyToRun, wall, median of $RUNS)" "$lab_r2r s" \
  "--simulate big ns gpn-id (JIT build, wall, median of $RUNS)" "$big s" \
  "--simulate lab ns gpn-id (JIT build, wall, median of $RUNS)" "$lab s"
awk -v m="$managed_ns" -v n="$native" -v r="$responder" 'BEGIN {
  printf "ratio managed / native client: %.2f (target <= 1.05)\n", m / n
  printf "ratio sim run server / C responder: %.2f (target <= 1.2)\n", n / r }'
