using BsgKit.Bsg;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Clients;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Tool.Infrastructure;

/// <summary>The exit codes a script can rely on, and the one mapping from an error to its code.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The fabric or the port said no: CT reject (FS_RJT), LS_RJT.</summary>
    public const int Rejected = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Permission = 4;
    public const int Timeout = 5;
    /// <summary>errno from the driver, transport/driver status, the kernel's silent IOERR, a malformed reply, an unsupported driver.</summary>
    public const int Transport = 6;
    /// <summary>Some answers arrived and some did not (several arguments, or discovery).</summary>
    public const int Partial = 7;

    public static readonly IReadOnlyList<(int Code, string Meaning)> All =
    [
        (Ok, "ok"),
        (Rejected, "rejected by the fabric or the port (CT reject, LS_RJT), or an iSCSI diag test failed"),
        (Usage, "usage error (bad option, malformed WWPN / FC ID / hex, missing file, unknown scenario, a command for another iSCSI driver, a write without --yes-i-mean-it)"),
        (NotFound, "no such host or port"),
        (Permission, "permission denied (needs root or CAP_SYS_RAWIO)"),
        (Timeout, "timeout (nothing answered before --timeout)"),
        (Transport, "transport or driver error (errno, transport status, silent IOERR, malformed reply, unsupported driver, an iSCSI host without a bsg node)"),
        (Partial, "partial result (some queries failed; the rest is printed)"),
    ];

    public static string HelpText =>
        "Exit codes:\n" + string.Join("\n", All.Select(e => $"  {e.Code}  {e.Meaning}"));

    /// <summary>A failed ioctl: permission and timeout have their own codes, every other errno is a transport error.</summary>
    private static int FromErrno(int errno) => errno switch
    {
        Errno.EPERM or Errno.EACCES => Permission,
        Errno.ETIMEDOUT => Timeout,
        _ => Transport,
    };

    /// <summary>The exit code for an error.</summary>
    public static int Classify(Exception e) => e switch
    {
        CliException c => c.ExitCode,
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
    public static string Describe(Exception e, bool withHint = false) => e switch
    {
        ScenarioException s => $"scenario {s.ScenarioSource}: {string.Join("; ", s.Errors)}",
        ArgumentException a when a.ParamName is not null => a.Message.Replace($" (Parameter '{a.ParamName}')", "", StringComparison.Ordinal),
        BsgException b when withHint && !b.Message.Contains(b.Hint, StringComparison.Ordinal) => $"{b.Message} — {b.Hint}",
        CliException or BsgException or FormatException or ArgumentException => e.Message,
        OperationCanceledException => "cancelled",
        _ => $"unexpected error: {e.GetType().Name}: {e.Message}",
    };

    /// <summary>The exit code for an exchange read raw (bsgkit raw, vendor).</summary>
    public static int For(FcExchangeResult r) => r.Status switch
    {
        FcExchangeStatus.Accepted => Ok,
        FcExchangeStatus.Rejected => Rejected,
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
