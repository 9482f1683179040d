#!/usr/bin/env bash
# Regenerates the codec interop vectors (see README.md). Needs node/npm (npm registry), python3, and
# .tools/bin/{anvil,cast} (scripts/bootstrap.sh). Not run by the tests; the output is committed.
#   simple.json      cast-vectors.py: cast send --blob --path FILE to anvil, blobs read back from its beacon API
#   viem.json        peer-vectors.mjs: viem's toBlobs; versioned hashes via kzg-wasm
#   op.json          peer-vectors.mjs: a JS transcription of op-service/eth/blob.go; versioned hashes via kzg-wasm
#   compressed.json  peer-vectors.mjs: node zlib (brotli, zlib) streams in our header
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$root/scripts/bootstrap.sh" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# viem, op, compressed: viem 2.57.20 and kzg-wasm 1.0.0 from the npm registry (no install scripts).
(cd "$work" && npm init -y >/dev/null && npm install --silent --ignore-scripts viem@2.57.20 kzg-wasm@1.0.0)
cp "$here/peer-vectors.mjs" "$work/"
(cd "$work" && node peer-vectors.mjs "$here")

# simple: cast 1.7.1 against anvil 1.7.1.
python3 "$here/cast-vectors.py" "$root/.tools/bin" "$here"
