#!/usr/bin/env bash
# `bsgkit sim run` under concurrent slow and fast callers (a benchmark, not a test; needs root and the build).
# SLOW callers each send an RLS that hits a timeout fault (real delays: it waits its whole --timeout) while FAST
# callers ping another port with ECHO; the same FAST callers alone are the baseline. Prints the fast callers'
# round trips with and without the slow ones, and the ratio. Served one at a time, each fast request would wait
# behind every slow one (the ratio is then in the thousands); served concurrently it stays near 1.
#   bash tests/Benchmarks/simrun-stress.sh [SLOW=4] [FAST=4] [PINGS=50] [TIMEOUT=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
SLOW=${1:-4} FAST=${2:-4} PINGS=${3:-50} TIMEOUT=${4:-10}
dotnet build -c Release src/Tool -v q -nologo >/dev/null
bsgkit=(dotnet "$PWD/src/Tool/bin/Release/net10.0/bsgkit.dll")
work=$(mktemp -d /tmp/bsgkit-stress-XXXXXX)
trap 'rm -rf "$work"' EXIT

# lab with real delays and a timeout fault on RLS to array2 (0x010b00); the pings go to array1 (0x010a00).
"${bsgkit[@]}" sim show lab | sed -e 's/"realDelays": false/"realDelays": true/' \
  -e 's/"faults": \[\]/"faults": [{"kind": "timeout", "target": "0x010b00", "command": "RLS", "mode": "ioerr"}]/' > "$work/scenario.json"
grep -q '"command": "RLS"' "$work/scenario.json" || { echo "simrun-stress: could not add the fault to the lab scenario" >&2; exit 1; }

run() { # $1 = number of slow callers; prints each fast caller's rtt line
  cat > "$work/child.sh" <<SH
for i in \$(seq 1 $1); do ${bsgkit[*]} els rls --timeout $TIMEOUT 0x010b00 >/dev/null 2>&1 & done
# wait (on state, not time) until every slow caller sits inside its SG_IO
while [ \$(grep -ls '^16 0x[0-9a-f]* 0x2285 ' /proc/[0-9]*/task/*/syscall 2>/dev/null | wc -l) -lt $1 ]; do sleep 0.05; done
for i in \$(seq 1 $FAST); do ${bsgkit[*]} els ping -c $PINGS -i 0 0x010a00 > "$work/fast.\$i" 2>&1 & done
wait
SH
  "${bsgkit[@]}" sim run --scenario "$work/scenario.json" -- sh "$work/child.sh" >/dev/null 2>&1 || true
  cat "$work"/fast.* | grep -h '^rtt' | sed 's/.*= //; s/ ms//'
  rm -f "$work"/fast.*
}

summary() { # min/avg/max/mdev lines → worst max and mean avg
  awk -F/ '{ if ($3 > max) max = $3; sum += $2; n++ } END { if (n == 0) { print "none none"; exit } printf "%.3f %.3f\n", sum / n, max }'
}

read -r base_avg base_max < <(run 0 | summary)
read -r load_avg load_max < <(run "$SLOW" | summary)
echo "fast callers: $FAST × $PINGS ECHO; slow callers: $SLOW RLS each waiting ${TIMEOUT}s (timeout fault, real delays)"
printf '%-22s avg %10s ms   max %10s ms\n' "alone (baseline)" "$base_avg" "$base_max" "with slow callers" "$load_avg" "$load_max"
awk -v a="$base_avg" -v b="$load_avg" -v c="$base_max" -v d="$load_max" \
  'BEGIN { if (a > 0 && c > 0) printf "ratio with / alone: avg %.1f, max %.1f\n", b / a, d / c }'
