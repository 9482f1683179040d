#!/usr/bin/env bash
# The one command for all tests: installs the tools (anvil, cast, libckzg.so), builds the
# solution and runs every test project. Official KZG vectors are read from ../shared/vectors/kzg
# (or $BLOBS_KZG_VECTORS). Extra arguments go to `dotnet test` (e.g. --filter).
#
# The test projects run one after the other, the end-to-end project (real anvil nodes) last and
# alone: on a two-core machine the KZG differential tests would otherwise starve the devnets.
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

projects=()
for p in tests/*/*.csproj; do [[ $p == *IntegrationTests* ]] || projects+=("$p"); done
projects+=(tests/Blobs.IntegrationTests/Blobs.IntegrationTests.csproj)

out="$root/.tools/test-output.txt"
: > "$out"
status=0
for p in "${projects[@]}"; do
  echo "== $(basename "$p" .csproj)"
  set +e
  dotnet test "$p" -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 \
    | tee -a "$out" | grep --line-buffered -v -E '^\s+Passed '
  rc=${PIPESTATUS[0]}
  set -e
  [[ $rc -eq 0 ]] || status=$rc
done
# One closing line over all test projects.
awk '/^ *Passed: *[0-9]+ *$/ { p += $2 } /^ *Failed: *[0-9]+ *$/ { f += $2 } /^ *Skipped: *[0-9]+ *$/ { s += $2 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$out"
exit "$status"
