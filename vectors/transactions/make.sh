#!/usr/bin/env bash
# Regenerates the type-3 transaction vectors with cast (Foundry 1.7.1, .tools/bin/cast).
# Each vector is written as <name>.hex (the signed network form, 0x-hex, one line) and
# <name>.cmd (the exact command that produced it). Run from any directory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cast=${CAST:-$here/../../.tools/bin/cast}
key=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80   # anvil dev account 0 (public)
al='[{"address":"0x2222222222222222222222222222222222222222","storageKeys":["0x0000000000000000000000000000000000000000000000000000000000000001","0x00000000000000000000000000000000000000000000000000000000000000ff"]}]'
printf 'hello blobs from cast' > "$here/data-small.bin"
head -c 140000 /dev/zero | tr '\0' 'B' > "$here/data-2blobs.bin"

run() { # name, args...
  local name=$1; shift
  printf '%q ' cast "$@" | sed "s|$here/||g" > "$here/$name.cmd"; echo >> "$here/$name.cmd"
  (cd "$here" && "$cast" "$@") > "$here/$name.hex"
}
common=(--private-key "$key" --chain 31337 --nonce 7 --gas-limit 100000 --gas-price 30000000000 --priority-gas-price 2000000000 --blob-gas-price 5000000000 --value 12345)
run v1-1blob-accesslist mktx "${common[@]}" --access-list "$al" --blob --path data-small.bin 0x1111111111111111111111111111111111111111 0xdeadbeef
run v0-1blob-accesslist mktx "${common[@]}" --access-list "$al" --blob --eip4844 --path data-small.bin 0x1111111111111111111111111111111111111111 0xdeadbeef
run v1-2blobs mktx --private-key "$key" --chain 1 --nonce 0 --gas-limit 21000 --gas-price 1000000000 --priority-gas-price 1000000000 --blob-gas-price 1 --blob --path data-2blobs.bin 0x000000000000000000000000000000000000dEaD
run v0-2blobs mktx --private-key "$key" --chain 1 --nonce 0 --gas-limit 21000 --gas-price 1000000000 --priority-gas-price 1000000000 --blob-gas-price 1 --blob --eip4844 --path data-2blobs.bin 0x000000000000000000000000000000000000dEaD

# cast's own decoding of each vector, without the blobs and proofs (those are in the .hex),
# so that tests can compare field for field without running cast.
for f in "$here"/*.hex; do
  name=$(basename "$f" .hex)
  "$cast" decode-transaction < "$f" | python3 -c '
import json, sys
d = json.loads(json.load(sys.stdin))
d.pop("blobs", None)
d["cellProofCount"] = len(d.pop("cellProofs", []))
print(json.dumps(d, indent=2))' > "$here/$name.cast.json"
done
