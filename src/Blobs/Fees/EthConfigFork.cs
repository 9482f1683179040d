namespace Blobs.Fees;

/// <summary>One entry of an <c>eth_config</c> answer (EIP-7910): the fork's activation time, chain id and blob schedule.</summary>
/// <param name="ActivationTime">Activation time (unix seconds; 0 for a fork active from genesis).</param>
/// <param name="ChainId">Chain id.</param>
/// <param name="Schedule">Blob schedule, or <c>null</c> for a fork before Cancun.</param>
/// <param name="ReservePrice">
/// True when the fork is Osaka or later, so that EIP-7918 applies. <c>eth_config</c> names no fork; Osaka is recognised
/// by the <c>P256VERIFY</c> precompile (EIP-7951, address 0x…0100) that Osaka introduced.
/// </param>
public sealed record EthConfigFork(ulong ActivationTime, ulong ChainId, BlobSchedule? Schedule, bool ReservePrice);
