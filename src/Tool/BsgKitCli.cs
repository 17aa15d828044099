using System.CommandLine;
using BsgKit.Bsg.Catalog;

namespace BsgKit.Tool;

/// <summary>The bsgkit command line: builds the command tree and runs it.</summary>
public static class BsgKitCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var sysfsRoot = new Option<string>("--sysfs-root")
        {
            Description = "Read sysfs from this directory instead of /sys",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BSGKIT_SYSFS_ROOT") ?? "/sys",
            Recursive = true,
            Hidden = true,
        };
        var devRoot = new Option<string>("--dev-root")
        {
            Description = "Look for device nodes under this directory instead of /dev",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BSGKIT_DEV_ROOT") ?? "/dev",
            Recursive = true,
            Hidden = true,
        };
        var root = new RootCommand("bsgkit: Fibre Channel and iSCSI HBA queries through Linux BSG passthrough");
        root.Options.Add(sysfsRoot);
        root.Options.Add(devRoot);

        var list = new Command("list", "List FC hosts, remote ports, iSCSI hosts and their bsg nodes");
        list.SetAction(parse =>
        {
            var snapshot = new BsgNodeCatalog(parse.GetValue(sysfsRoot)!, parse.GetValue(devRoot)!).Scan();
            return ListCommand.Print(snapshot, stdout, stderr);
        });
        root.Subcommands.Add(list);

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await root.Parse(args).InvokeAsync(config);
    }
}
