using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class DiscoverCommand { public static Command Build(CliHost cli) => new("discover"); }
