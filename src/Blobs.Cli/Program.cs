using Blobs.Cli;

return await BlobCli.RunAsync(args, Console.Out, Console.Error);
