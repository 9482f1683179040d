#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites (managed and native side by side in one run) and copies the
# CSV / markdown reports to benchmarks/results/. Arguments go to BenchmarkDotNet, e.g.
#   bash scripts/bench.sh --filter '*Eip4844*'
#   bash scripts/bench.sh --filter '*BatchVerify*' --job short
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/bootstrap.sh"
export BLOBS_TOOLS_DIR="$root/.tools" BLOBS_CKZG_PATH="$root/.tools/native/libckzg.so"
cd "$root/benchmarks/Blobs.Benchmarks"
dotnet run -c Release -- "$@"
mkdir -p "$root/benchmarks/results"
cp BenchmarkDotNet.Artifacts/results/*.csv BenchmarkDotNet.Artifacts/results/*-github.md "$root/benchmarks/results/" 2>/dev/null || true
