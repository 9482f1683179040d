#!/usr/bin/env bash
# The main job on a fresh clone, as a newcomer runs it: clones this repository's HEAD (committed work only) into a
# temporary directory, runs `./blob send samples/batch.jsonl` there (which installs its tools, builds and runs), and
# checks that it exits 0 with the verdict "yes" in the summary. Prints the output; removes the clone afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d /tmp/blobs-fresh-clone-XXXXXX)
trap 'rm -rf "$dir"' EXIT
git clone --quiet "$root" "$dir/blobs"
cd "$dir/blobs"
git log --oneline -1
start=$(date +%s)
set +e
./blob send samples/batch.jsonl >"$dir/out.txt" 2>"$dir/err.txt"
code=$?
set -e
cat "$dir/err.txt" "$dir/out.txt"
echo "fresh-clone-check: exit $code after $(( $(date +%s) - start )) s (first run: tools installed and the CLI built)"
[[ $code -eq 0 ]] || { echo "fresh-clone-check: FAILED (exit $code)" >&2; exit 1; }
grep -q '│ verified  *│ yes' "$dir/out.txt" || { echo "fresh-clone-check: FAILED (no verified yes)" >&2; exit 1; }
echo "fresh-clone-check: ok"
