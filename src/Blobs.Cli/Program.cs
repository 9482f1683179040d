using Blobs.Cli;
using Blobs.Cli.Infrastructure;

ToolLocations.Apply();
// One JSON-RPC call may take up to a minute (Nethereum's process-wide default is 20 s): a node's first blob transaction
// can take that long to verify (anvil loads its KZG settings then), and a timeout would leave its fate unknown.
Nethereum.JsonRpc.Client.ClientBase.ConnectionTimeout = TimeSpan.FromSeconds(60);
return await BlobCli.RunAsync(args, Console.Out, Console.Error);
