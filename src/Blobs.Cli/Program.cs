using Blobs.Cli;
using Blobs.Cli.Infrastructure;

ToolLocations.Apply();
return await BlobCli.RunAsync(args, Console.Out, Console.Error);
