#!/usr/bin/env bash
# The one command for all tests: installs the tools (anvil, cast, libckzg.so), builds the
# solution and runs every test project. Official KZG vectors are read from ../shared/vectors/kzg
# (or $BLOBS_KZG_VECTORS). Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/bootstrap.sh
export BLOBS_TOOLS_DIR="$root/.tools"
export BLOBS_CKZG_PATH="$root/.tools/native/libckzg.so"
export BLOBS_KZG_VECTORS="${BLOBS_KZG_VECTORS:-$root/../shared/vectors/kzg}"
# `blob send` journals every batch it sends: tests that do not name a journal write to a fresh one here, not to ~/.local/state.
if [[ -z ${BLOBS_JOURNAL:-} ]]; then rm -rf "$root/.tools/test-journal"; export BLOBS_JOURNAL="$root/.tools/test-journal"; fi
dotnet build Blobs.sln -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test Blobs.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 \
  | tee "$root/.tools/test-output.txt" | grep --line-buffered -v -E '^\s+Passed '
status=${PIPESTATUS[0]}
set -e
# One closing line over all test projects.
awk '/^ *Passed: *[0-9]+ *$/ { p += $2 } /^ *Failed: *[0-9]+ *$/ { f += $2 } /^ *Skipped: *[0-9]+ *$/ { s += $2 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$root/.tools/test-output.txt"
exit "$status"
