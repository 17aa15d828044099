using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class ZoneCommand { public static Command Build(CliHost cli) => new("zone"); }
