using System.Numerics;

namespace Blobs.Fees;

/// <summary>One block of a projection.</summary>
/// <param name="Offset">1 for the next block, 2 for the one after…</param>
/// <param name="Number">Its block number.</param>
/// <param name="Timestamp">Its assumed timestamp (head + offset × slot).</param>
/// <param name="Fork">The fork in force for it.</param>
/// <param name="ExcessBlobGas">Its excess blob gas.</param>
/// <param name="BlobBaseFee">Its blob base fee (wei per blob gas).</param>
/// <param name="BlobsUsed">Blobs it is assumed to carry (which determines the next block's excess).</param>
public sealed record ProjectedBlock(int Offset, ulong Number, ulong Timestamp, string Fork, ulong ExcessBlobGas, BigInteger BlobBaseFee, int BlobsUsed);
