using BsgKit.Tool;
using BsgKit.Tool.Infrastructure;

using var interrupt = CliInterrupt.ForProcessSignals();
return await BsgKitCli.RunAsync(args, Console.Out, Console.Error, null, interrupt);
