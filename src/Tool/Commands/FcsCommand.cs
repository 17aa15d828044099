using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class FcsCommand { public static Command Build(CliHost cli) => new("fcs"); }
