using System.Numerics;

namespace Blobs.Fees;

/// <summary>The fee fields of one block header that the blob fee market reads.</summary>
/// <param name="Number">Block number.</param>
/// <param name="Timestamp">Block timestamp (unix seconds).</param>
/// <param name="ExcessBlobGas">Header field <c>excessBlobGas</c>.</param>
/// <param name="BlobGasUsed">Header field <c>blobGasUsed</c>.</param>
/// <param name="BaseFeePerGas">Header field <c>baseFeePerGas</c> (execution base fee, wei).</param>
public sealed record BlockFeeHeader(ulong Number, ulong Timestamp, ulong ExcessBlobGas, ulong BlobGasUsed, BigInteger BaseFeePerGas);
