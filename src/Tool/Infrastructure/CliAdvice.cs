using BsgKit.Bsg;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Clients;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// The libraries' advice (catalog types, sysfs paths, method parameters) in the CLI's words: which command shows it,
/// which flag confirms it. Applied where an error becomes its one line (<see cref="ExitCodes.Describe"/>).
/// </summary>
internal static class CliAdvice
{
    private static readonly (string Library, string Cli)[] Table =
    [
        (BsgAdvice.NoSuchNode, "no such bsg node: `bsgkit list` shows the hosts and remote ports this machine has"),
        (BsgAdvice.NoSuchNodeErrno, "no such bsg node: check `bsgkit list` for the hosts and remote ports this machine has"),
        (BsgAdvice.CheckPortState, "check the port state with `bsgkit list`"),
        (FcAdvice.ListHosts, "`bsgkit list` shows the FC hosts on this machine"),
        (FcAdvice.ListRemotePorts, "`bsgkit list` shows the remote ports"),
        (FcAdvice.CreateNode, "create it with mknod (see `bsgkit list`)"),
        (FcAdvice.PortStateAndKernelLog, "check `bsgkit list` for the port state and the kernel log"),
        (IscsiAdvice.ListHosts, "`bsgkit list` shows the iSCSI hosts on this machine"),
        (IscsiAdvice.CommandsOf, "`bsgkit iscsi` lists the commands for "),
        (IscsiAdvice.ConfirmWrite, $"confirm explicitly (allowWrite: true, or {ExitCodes.ConfirmFlag} on the command line)"),
    ];

    /// <summary><paramref name="text"/> (a library error's message or hint) with each piece of library advice in the CLI's words.</summary>
    public static string Rewrite(string text)
    {
        foreach (var (library, cli) in Table)
            text = text.Replace(library, cli, StringComparison.Ordinal); // the same string back when absent
        return text;
    }
}
