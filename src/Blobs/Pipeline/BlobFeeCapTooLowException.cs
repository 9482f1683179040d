using System.Numerics;

namespace Blobs.Pipeline;

/// <summary>The chosen max fee per blob gas is below the chain's current blob base fee: the transaction could not be included.</summary>
public sealed class BlobFeeCapTooLowException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public BlobFeeCapTooLowException(BigInteger cap, BigInteger blobBaseFee, string endpoint)
        : base($"max fee per blob gas {cap} wei is below the current blob base fee {blobBaseFee} wei at {endpoint}; the transaction could not be included until the fee falls")
    {
        Cap = cap;
        BlobBaseFee = blobBaseFee;
        Endpoint = endpoint;
    }

    /// <summary>The cap asked for (wei per blob gas).</summary>
    public BigInteger Cap { get; }

    /// <summary>The node's current blob base fee (eth_blobBaseFee, wei per blob gas).</summary>
    public BigInteger BlobBaseFee { get; }

    /// <summary>The node asked.</summary>
    public string Endpoint { get; }

    /// <summary>A cap with headroom: twice the current blob base fee (what geth fills in).</summary>
    public BigInteger Suggested => BigInteger.Max(BigInteger.One, 2 * BlobBaseFee);
}
