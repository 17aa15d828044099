#!/usr/bin/env bash
# The fuzz harness: a million mutated inputs per decoder family (about 10 minutes on 2 cores), seeded so that a
# failure reproduces: bash tests/Fuzz/run-fuzz.sh [--inputs N] [--seed S] [FAMILY…]
# Families: ct els fc-bsg iscsi completions sysfs scenario responders kernel fcoe (tests/Fuzz/FuzzRunner.cs).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release tests/Fuzz/BsgKit.Fuzz.csproj -v q -nologo >/dev/null
exec dotnet tests/Fuzz/bin/Release/net10.0/BsgKit.Fuzz.dll "$@"
