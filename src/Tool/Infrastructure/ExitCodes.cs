using BsgKit.Bsg;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.FcBsg;
using BsgKit.Iscsi.Clients;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Tool.Infrastructure;

/// <summary>The exit codes a script can rely on, and the one mapping from an error to its code (every command uses it).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The fabric or the port said no: CT reject (FS_RJT), LS_RJT, P_RJT/F_RJT.</summary>
    public const int Rejected = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Permission = 4;
    public const int Timeout = 5;
    /// <summary>errno from the driver, transport/driver status, the kernel's silent IOERR, a malformed reply, a driver that cannot do it.</summary>
    public const int Transport = 6;
    /// <summary>Some answers arrived and some did not (several arguments, discovery, a truncated listing).</summary>
    public const int Partial = 7;
    /// <summary>The fabric or the port stayed busy (F_BSY, P_BSY, logical busy, EBUSY) through every retry.</summary>
    public const int Busy = 8;
    /// <summary>Interrupted by SIGINT (128 + 2) or SIGTERM (128 + 15); what was done is printed first.</summary>
    public const int Interrupted = 130, Terminated = 143;

    public static readonly (int Code, string Meaning)[] All =
    [
        (Ok, "ok"),
        (Rejected, "rejected by the fabric or the port (CT reject, LS_RJT, P_RJT/F_RJT), or an iSCSI diag test failed"),
        (Usage, "usage error (bad option or value, malformed WWN / FC ID / hex, missing file, unknown command or scenario, a command for another iSCSI driver, a write without --yes-i-mean-it: nothing is sent)"),
        (NotFound, "no such host or port (unknown -H, rport-H:C-N, WWPN or FC ID; the name server has no such port ID or name)"),
        (Permission, "permission denied (needs root or CAP_SYS_RAWIO)"),
        (Timeout, "timeout (nothing answered before --timeout)"),
        (Transport, "transport or driver error (errno, transport status, silent IOERR, malformed reply, a driver that cannot do it, an iSCSI host without a bsg node, an exporter that cannot listen)"),
        (Partial, "partial result (some queries failed, a listing was truncated or a metrics collector failed; the rest is printed, the failures are listed)"),
        (Busy, "busy (the fabric or the port still answered busy after the retries; try again later)"),
        (Interrupted, "interrupted by SIGINT (Ctrl-C); what was done so far is printed, then one \"interrupted\" line"),
        (Terminated, "terminated by SIGTERM; as for 130"),
    ];

    public static string HelpText
    {
        get
        {
            // A loop, not All.Select(…): LINQ over a value tuple is JIT-compiled at every start (the root help is built then).
            var s = new System.Text.StringBuilder("Exit codes:\n");
            foreach (var (code, meaning) in All) s.Append($"  {code,3}  {meaning}").Append('\n');
            return s.Append(OtherCommandsText).ToString();
        }
    }

    /// <summary>The commands that answer in another tool's codes (README "Exit codes").</summary>
    public const string OtherCommandsText =
        "  check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (monitoring plugins; bad input is UNKNOWN too)\n" +
        "  diff, discover --diff: 0 equal, 1 different, 2 bad input (like diff)";

    /// <summary>A failed ioctl: permission, timeout and busy have their own codes, every other errno is a transport error.</summary>
    private static int FromErrno(int errno) => errno switch
    {
        Errno.EPERM or Errno.EACCES => Permission,
        Errno.ETIMEDOUT => Timeout,
        Errno.EBUSY => Busy,
        _ => Transport,
    };

    /// <summary>
    /// "No such port" however it is said: P_RJT / F_RJT for a destination that does not exist (invalid D_ID, N_Port not
    /// available), or the name server answering that the port ID, port name or node name asked about is not registered.
    /// </summary>
    private static bool NoSuchDestination(FcExchangeResult r) =>
        (r.CtelsStatus is FcCtelsStatus.PRjt or FcCtelsStatus.FRjt
         && r.RejectData?.Reason is FrameRejectReasons.InvalidDestinationId or FrameRejectReasons.NPortNotAvailablePermanent)
        || (r.CtHeader is { IsReject: true, GsType: GsTypes.Directory } h
            && h.Explanation is CtReasonExplanations.PortIdNotRegistered or CtReasonExplanations.PortNameNotRegistered or CtReasonExplanations.NodeNameNotRegistered);

    /// <summary>The exit code for an error.</summary>
    public static int Classify(Exception e) => e switch
    {
        CliException c => c.ExitCode,
        FcStateChangeRefusedException => Usage,
        FcPortNotFoundException => NotFound,
        FcBusyException => Busy,
        FcRejectedException r when NoSuchDestination(r.Exchange!) => NotFound,
        FcRejectedException => Rejected,
        FcNoResponseException n => n.Exchange?.Errno == Errno.ETIMEDOUT ? Timeout : Transport,
        FcTransportException t => FromErrno(t.Errno),
        FcException => Transport,
        IscsiWriteRefusedException => Usage,
        IscsiCommandFailedException i => FromErrno(i.Errno),
        IscsiNotSupportedException => Transport,
        BsgPermissionException => Permission,
        BsgNodeNotFoundException => NotFound,
        BsgTimeoutException => Timeout,
        BsgException => Transport,
        UnauthorizedAccessException => Permission,
        ScenarioException or FormatException or ArgumentException => Usage,
        OperationCanceledException => Timeout,
        _ => Transport,
    };

    /// <summary>One line for stderr naming what was wrong (without the "bsgkit: " prefix).</summary>
    public static string Describe(Exception e, bool withHint = false) => OneLine(e switch
    {
        ScenarioException s => $"scenario {s.ScenarioSource}: {string.Join("; ", s.Errors)}",
        FcStateChangeRefusedException w => $"{w.Operation} {w.WouldDo}; refused without {ConfirmFlag} (nothing was sent)",
        ArgumentException a when a.ParamName is not null => a.Message.Replace($" (Parameter '{a.ParamName}')", "", StringComparison.Ordinal),
        BsgException b when withHint && !b.Message.Contains(b.Hint, StringComparison.Ordinal) => CliAdvice.Rewrite($"{b.Message} — {b.Hint}"),
        BsgException b => CliAdvice.Rewrite(b.Message), // the library's advice in the CLI's words
        CliException or FormatException or ArgumentException => e.Message,
        OperationCanceledException => "cancelled",
        _ => $"unexpected error: {e.GetType().Name}: {e.Message}",
    });

    /// <summary>The flag that confirms a request which writes or changes state (iSCSI flash/NVRAM, fabric registrations, logins …).</summary>
    public const string ConfirmFlag = "--yes-i-mean-it";

    private static string OneLine(string s) => s.Contains('\n') ? string.Join(" ", s.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : s;

    /// <summary>The exit code for an exchange read raw (bsgkit raw, vendor).</summary>
    public static int For(FcExchangeResult r) => r.Status switch
    {
        FcExchangeStatus.Accepted => Ok,
        _ => Classify(FcException.For(r)),
    };

    /// <summary>Several answers: 0 when all succeeded, 7 when some did, else the first failure's code.</summary>
    public static int Combine(int succeeded, IReadOnlyList<int> failures) =>
        failures.Count == 0 ? Ok : succeeded > 0 ? Partial : failures[0];
}

/// <summary>An error the tool itself detects (bad input, no such host or port), with its exit code.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
    public static CliException NotFound(string message) => new(ExitCodes.NotFound, message);
}
