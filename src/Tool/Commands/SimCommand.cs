using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class SimCommand { public static Command Build(CliHost cli) => new("sim"); }
