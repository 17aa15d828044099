using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class FdmiCommand { public static Command Build(CliHost cli) => new("fdmi"); }
