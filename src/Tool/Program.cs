using BsgKit.Tool;

return await BsgKitCli.RunAsync(args, Console.Out, Console.Error);
