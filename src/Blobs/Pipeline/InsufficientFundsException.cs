using System.Numerics;
using Blobs.Transactions;

namespace Blobs.Pipeline;

/// <summary>The sender cannot pay the most the transaction may cost (gas × fee cap + blob gas × blob fee cap + value).</summary>
public sealed class InsufficientFundsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InsufficientFundsException(Address account, BigInteger balance, BigInteger required, string breakdown, Exception? inner = null)
        : base($"insufficient funds: {account} has {balance} wei, the transaction may cost up to {required} wei ({breakdown})", inner)
    {
        Account = account;
        Balance = balance;
        Required = required;
        Breakdown = breakdown;
    }

    /// <summary>The sender.</summary>
    public Address Account { get; }

    /// <summary>Its balance (wei).</summary>
    public BigInteger Balance { get; }

    /// <summary>The most the transaction may cost (wei): what the balance must cover.</summary>
    public BigInteger Required { get; }

    /// <summary>How <see cref="Required"/> is made up, e.g. "21000 gas × 2000000000 wei + 131072 blob gas × 2 wei".</summary>
    public string Breakdown { get; }

    /// <summary>How much is missing (wei).</summary>
    public BigInteger Shortfall => Required - Balance;
}
