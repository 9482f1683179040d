// Produces viem.json, op.json and compressed.json (see README.md). Run by make.sh from a directory
// where `npm install viem@2.57.20 kzg-wasm@1.0.0 --ignore-scripts` was done.
//   viem.json        blobs made by viem's own toBlobs; commitments by kzg-wasm (c-kzg-4844 as WASM)
//   op.json          blobs made by a line-by-line JavaScript transcription of op-service/eth/blob.go
//                    FromData (independent of the C# code under test); commitments by kzg-wasm
//   compressed.json  payloads compressed by node's zlib (brotli, deflate with the zlib wrapper)
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import zlib from 'node:zlib'
import { toBlobs, fromBlobs, blobsToCommitments, commitmentsToVersionedHashes, bytesToHex, hexToBytes } from 'viem'
import { loadKZG } from 'kzg-wasm'

const out = process.argv[2] ?? '.'
const viemVersion = JSON.parse(readFileSync('node_modules/viem/package.json')).version
const kzgWasmVersion = JSON.parse(readFileSync('node_modules/kzg-wasm/package.json')).version

// Inputs: sha256-ctr(seed, length) = SHA-256(utf8(seed) ‖ uint32be(k)) for k = 0, 1, … concatenated, cut to
// length; then the last zeroTail bytes set to zero; or literal hex.
function sha256ctr(seed, length) {
  const outb = new Uint8Array(length)
  for (let k = 0, o = 0; o < length; k++, o += 32) {
    const ctr = Buffer.alloc(4)
    ctr.writeUInt32BE(k)
    const h = createHash('sha256').update(Buffer.from(seed, 'utf8')).update(ctr).digest()
    outb.set(h.subarray(0, Math.min(32, length - o)), o)
  }
  return outb
}
function input(spec) {
  if (spec.hex !== undefined) return hexToBytes(spec.hex)
  const d = sha256ctr(spec.seed, spec.length)
  if (spec.zeroTail) d.fill(0, Math.max(0, d.length - spec.zeroTail))
  return d
}
const sha = (b) => createHash('sha256').update(b).digest('hex')

const kzgw = await loadKZG()
const kzg = {
  blobToKzgCommitment: (blob) => hexToBytes(kzgw.blobToKZGCommitment(bytesToHex(blob))),
  computeBlobKzgProof: (blob, commitment) => hexToBytes(kzgw.computeBlobKZGProof(bytesToHex(blob), bytesToHex(commitment))),
}
function hashes(blobs) {
  const commitments = blobsToCommitments({ blobs, kzg, to: 'bytes' })
  return commitmentsToVersionedHashes({ commitments, to: 'hex' })
}

// ---- viem ------------------------------------------------------------------------------------------
const viemCases = [
  { name: 'hello-world', input: { hex: bytesToHex(new TextEncoder().encode('hello world')) } },
  { name: 'one-zero-byte', input: { hex: '0x00' } },
  { name: 'ends-in-0x80', input: { hex: '0x0180' } },
  { name: 'len-30', input: { seed: 'viem', length: 30 } },
  { name: 'len-31', input: { seed: 'viem', length: 31 } },
  { name: 'len-32', input: { seed: 'viem', length: 32 } },
  { name: 'len-1000-zero-tail', input: { seed: 'viem', length: 1000, zeroTail: 100 } },
  { name: 'one-blob-full', input: { seed: 'viem', length: 126975 } },
  { name: 'terminator-spills', input: { seed: 'viem', length: 126976 } },
  { name: 'two-blobs', input: { seed: 'viem', length: 200000 } },
  { name: 'six-blobs-full', input: { seed: 'viem', length: 761855 } },
]
const viem = {
  codec: 'viem',
  producedBy: `viem ${viemVersion} toBlobs (blobs); kzg-wasm ${kzgWasmVersion} through viem's blobsToCommitments and commitmentsToVersionedHashes (versioned hashes)`,
  inputs: 'sha256-ctr: SHA-256(UTF-8 seed ‖ uint32 big-endian k) for k = 0, 1, … concatenated and cut to length, then the last zeroTail bytes zeroed; or literal hex',
  cases: [],
}
for (const c of viemCases) {
  const data = input(c.input)
  const blobs = toBlobs({ data, to: 'bytes' })
  const back = fromBlobs({ blobs, to: 'bytes' })
  viem.cases.push({
    ...c,
    blobSha256: blobs.map(sha),
    versionedHashes: hashes(blobs),
    viemFromBlobsRoundTrips: Buffer.compare(Buffer.from(back), Buffer.from(data)) === 0,
  })
}
writeFileSync(`${out}/viem.json`, JSON.stringify(viem, null, 2) + '\n')

// ---- OP Stack v0 -----------------------------------------------------------------------------------
// A transcription of op-service/eth/blob.go (Blob.FromData), one blob per 130044-byte frame.
const MaxBlobDataSize = (4 * 31 + 3) * 1024 - 4
function opFromData(data) {
  if (data.length > MaxBlobDataSize) throw new Error('too large')
  const b = new Uint8Array(131072)
  let readOffset = 0, writeOffset = 0
  const buf31 = new Uint8Array(31)
  const read1 = () => (readOffset >= data.length ? 0 : data[readOffset++])
  const read31 = () => {
    buf31.fill(0)
    if (readOffset >= data.length) return
    const n = Math.min(31, data.length - readOffset)
    buf31.set(data.subarray(readOffset, readOffset + n))
    readOffset += n
  }
  const write1 = (v) => { if (writeOffset % 32 !== 0 || (v & 0xc0)) throw new Error('bad write1'); b[writeOffset++] = v }
  const write31 = () => { if (writeOffset % 32 !== 1) throw new Error('bad write31'); b.set(buf31, writeOffset); writeOffset += 31 }
  for (let round = 0; round < 1024 && readOffset < data.length; round++) {
    if (round === 0) {
      buf31.fill(0)
      buf31[0] = 0
      buf31[1] = (data.length >> 16) & 0xff
      buf31[2] = (data.length >> 8) & 0xff
      buf31[3] = data.length & 0xff
      const n = Math.min(27, data.length)
      buf31.set(data.subarray(0, n), 4)
      readOffset += n
    } else read31()
    const x = read1(); write1(x & 0b0011_1111); write31()
    read31(); const y = read1(); write1((y & 0b0000_1111) | ((x & 0b1100_0000) >> 2)); write31()
    read31(); const z = read1(); write1(z & 0b0011_1111); write31()
    read31(); write1(((z & 0b1100_0000) >> 2) | ((y & 0b1111_0000) >> 4)); write31()
  }
  if (readOffset < data.length) throw new Error('did not fit')
  return b
}
function opEncode(data) {
  const blobs = []
  for (let off = 0; off < data.length || blobs.length === 0; off += MaxBlobDataSize)
    blobs.push(opFromData(data.subarray(off, Math.min(data.length, off + MaxBlobDataSize))))
  return blobs
}
const opCases = [
  { name: 'empty', input: { hex: '0x' } },
  { name: 'op-test-short', input: { hex: bytesToHex(new TextEncoder().encode('short')) } },
  { name: 'len-27-ff', input: { hex: '0x' + 'ff'.repeat(27) } },
  { name: 'len-28-ff', input: { hex: '0x' + 'ff'.repeat(28) } },
  { name: 'len-123', input: { seed: 'op', length: 123 } },
  { name: 'len-124', input: { seed: 'op', length: 124 } },
  { name: 'len-250', input: { seed: 'op', length: 250 } },
  { name: 'len-1000-zero-tail', input: { seed: 'op', length: 1000, zeroTail: 200 } },
  { name: 'one-blob-full', input: { seed: 'op', length: 130044 } },
  { name: 'two-blobs', input: { seed: 'op', length: 130045 } },
  { name: 'six-blobs-full', input: { seed: 'op', length: 6 * 130044 } },
]
const op = {
  codec: 'op',
  producedBy: `a JavaScript transcription of op-service/eth/blob.go FromData, one blob per 130044-byte frame (no Go toolchain on these machines); kzg-wasm ${kzgWasmVersion} through viem's blobsToCommitments and commitmentsToVersionedHashes (versioned hashes). op's own test vectors are in tests/Blobs.Tests/Codecs/OpStackV0CodecTests.cs`,
  inputs: viem.inputs,
  cases: [],
}
for (const c of opCases) {
  const blobs = opEncode(input(c.input))
  op.cases.push({ ...c, blobSha256: blobs.map(sha), versionedHashes: hashes(blobs) })
}
writeFileSync(`${out}/op.json`, JSON.stringify(op, null, 2) + '\n')

// ---- compressed payloads from another implementation --------------------------------------------------
// Header (see src/Blobs/Codecs/Compression/CompressionHeader.cs): 89 42 4c 5a, algorithm (1 brotli, 2 zlib, 3 zstd), u32 BE length.
function header(alg, n) {
  const h = Buffer.alloc(9)
  Buffer.from([0x89, 0x42, 0x4c, 0x5a]).copy(h)
  h[4] = alg
  h.writeUInt32BE(n, 5)
  return h
}
const text = Buffer.from('blob field element commitment proof '.repeat(300))
const rnd = Buffer.from(sha256ctr('compressed', 3000))
const compressed = {
  producedBy: `node ${process.version} zlib (brotliCompressSync, deflateSync with the zlib wrapper), wrapped in our 9-byte header`,
  inputs: viem.inputs,
  cases: [
    { name: 'brotli-text', input: { hex: '0x' + text.toString('hex') }, payload: '0x' + Buffer.concat([header(1, text.length), zlib.brotliCompressSync(text)]).toString('hex') },
    { name: 'brotli-random', input: { seed: 'compressed', length: 3000 }, payload: '0x' + Buffer.concat([header(1, rnd.length), zlib.brotliCompressSync(rnd)]).toString('hex') },
    { name: 'brotli-empty', input: { hex: '0x' }, payload: '0x' + Buffer.concat([header(1, 0), zlib.brotliCompressSync(Buffer.alloc(0))]).toString('hex') },
    { name: 'zlib-text', input: { hex: '0x' + text.toString('hex') }, payload: '0x' + Buffer.concat([header(2, text.length), zlib.deflateSync(text, { level: 9 })]).toString('hex') },
    { name: 'zlib-random', input: { seed: 'compressed', length: 3000 }, payload: '0x' + Buffer.concat([header(2, rnd.length), zlib.deflateSync(rnd)]).toString('hex') },
    { name: 'zlib-empty', input: { hex: '0x' }, payload: '0x' + Buffer.concat([header(2, 0), zlib.deflateSync(Buffer.alloc(0))]).toString('hex') },
  ],
}
writeFileSync(`${out}/compressed.json`, JSON.stringify(compressed, null, 2) + '\n')
console.error(`wrote viem.json (${viem.cases.length}), op.json (${op.cases.length}), compressed.json (${compressed.cases.length}) to ${out}`)
