#!/usr/bin/env python3
"""Produces simple.json: what `cast send --blob --path FILE` posts (alloy's SimpleCoder), read back from anvil.

For each case: write the input to a file, `cast send --blob --path FILE` it to a local anvil, read the
transaction's blobVersionedHashes (eth_getTransactionByHash) and its blobs from anvil's beacon endpoint
GET /eth/v1/beacon/blobs/{block}, and record the SHA-256 of each blob. Usage: cast-vectors.py TOOLS_BIN OUT_DIR
"""
import hashlib, json, os, socket, subprocess, sys, tempfile, time, urllib.request

tools, out = sys.argv[1], sys.argv[2]
DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"  # anvil's first dev key (public)
TO = "0x000000000000000000000000000000000000dEaD"


def sha256ctr(seed, length):
    """SHA-256(utf8(seed) ‖ uint32be(k)) for k = 0, 1, … concatenated, cut to length."""
    out, k = bytearray(), 0
    while len(out) < length:
        out += hashlib.sha256(seed.encode() + k.to_bytes(4, "big")).digest()
        k += 1
    return bytes(out[:length])


def data_for(spec):
    if "hex" in spec:
        return bytes.fromhex(spec["hex"][2:])
    d = bytearray(sha256ctr(spec["seed"], spec["length"]))
    z = spec.get("zeroTail", 0)
    if z:
        d[max(0, len(d) - z):] = bytes(min(z, len(d)))
    return bytes(d)


CASES = [
    {"name": "hello-world", "input": {"hex": "0x" + b"hello world".hex()}},
    {"name": "empty", "input": {"hex": "0x"}},
    {"name": "one-zero-byte", "input": {"hex": "0x00"}},
    {"name": "len-31", "input": {"seed": "simple", "length": 31}},
    {"name": "len-32", "input": {"seed": "simple", "length": 32}},
    {"name": "len-1000-zero-tail", "input": {"seed": "simple", "length": 1000, "zeroTail": 100}},
    {"name": "one-blob-full", "input": {"seed": "simple", "length": 126945}},
    {"name": "two-blobs", "input": {"seed": "simple", "length": 126946}},
    {"name": "three-blobs-zero-tail", "input": {"seed": "simple", "length": 300000, "zeroTail": 50}},
    {"name": "six-blobs-full", "input": {"seed": "simple", "length": 761825}},
]


def rpc(url, method, params):
    req = urllib.request.Request(url, json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode(),
                                 {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=60))["result"]


def main():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    anvil = subprocess.Popen([f"{tools}/anvil", "--hardfork", "osaka", "--host", "127.0.0.1", "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                rpc(url, "eth_chainId", [])
                break
            except OSError:
                time.sleep(0.1)
        version = subprocess.run([f"{tools}/cast", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        result = {
            "codec": "simple",
            "producedBy": f"{version}: cast send --blob --path FILE --rpc-url URL --private-key KEY {TO} against anvil --hardfork osaka; "
                          "blobs read back from GET /eth/v1/beacon/blobs/{block}, versioned hashes from eth_getTransactionByHash",
            "inputs": "sha256-ctr: SHA-256(UTF-8 seed ‖ uint32 big-endian k) for k = 0, 1, … concatenated and cut to length, then the last zeroTail bytes zeroed; or literal hex",
            "cases": [],
        }
        with tempfile.TemporaryDirectory() as tmp:
            for case in CASES:
                path = os.path.join(tmp, case["name"] + ".bin")
                with open(path, "wb") as f:
                    f.write(data_for(case["input"]))
                sent = subprocess.run([f"{tools}/cast", "send", "--blob", "--path", path, "--rpc-url", url, "--private-key", DEV_KEY, TO, "--json"],
                                      capture_output=True, text=True, check=True)
                receipt = json.loads(sent.stdout)
                tx = rpc(url, "eth_getTransactionByHash", [receipt["transactionHash"]])
                block = int(receipt["blockNumber"], 16)
                blobs = json.load(urllib.request.urlopen(f"{url}/eth/v1/beacon/blobs/{block}", timeout=60))["data"]
                raw = [bytes.fromhex(b[2:]) for b in blobs]
                assert all(len(b) == 131072 for b in raw)
                result["cases"].append({**case, "blobSha256": [hashlib.sha256(b).hexdigest() for b in raw],
                                        "versionedHashes": tx["blobVersionedHashes"]})
                print(f"{case['name']}: {len(raw)} blob(s)", file=sys.stderr)
        with open(os.path.join(out, "simple.json"), "w") as f:
            json.dump(result, f, indent=2, ensure_ascii=False)
            f.write("\n")
    finally:
        anvil.kill()
        anvil.wait()


main()
