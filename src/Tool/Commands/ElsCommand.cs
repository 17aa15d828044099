using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class ElsCommand { public static Command Build(CliHost cli) => new("els"); }
