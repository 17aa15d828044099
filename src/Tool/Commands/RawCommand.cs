using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class RawCommand { public static Command Build(CliHost cli) => new("raw"); }
