using System.CommandLine;
namespace BsgKit.Tool.Commands;
internal static class VendorCommand { public static Command Build(CliHost cli) => new("vendor"); }
