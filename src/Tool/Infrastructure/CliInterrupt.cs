using System.Runtime.InteropServices;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// SIGINT / SIGTERM as a cancellation: the running command stops sending, prints what it has done, and bsgkit exits
/// 130 / 143 after one "interrupted" line, releasing everything on the way out (no default process kill).
/// </summary>
internal sealed class CliInterrupt : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    public CancellationToken Token => _cts.Token;
    public bool IsRaised => Volatile.Read(ref _signal) != 0;

    /// <summary>128 + the signal number: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int ExitCode => Volatile.Read(ref _signal) == 15 ? ExitCodes.Terminated : ExitCodes.Interrupted;
    public string SignalName => Volatile.Read(ref _signal) == 15 ? "SIGTERM" : "SIGINT";

    /// <summary>Stops the command as SIGINT (2) or SIGTERM (15) would; the first signal wins.</summary>
    public void Raise(int signal)
    {
        Interlocked.CompareExchange(ref _signal, signal, 0);
        try { _cts.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>The process's own SIGINT and SIGTERM, turned into <see cref="Raise"/> instead of the default termination.</summary>
    public static CliInterrupt ForProcessSignals()
    {
        var interrupt = new CliInterrupt();
        if (OperatingSystem.IsWindows()) return interrupt;
        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15) })
            interrupt._registrations.Add(PosixSignalRegistration.Create(signal, c =>
            {
                c.Cancel = true;
                interrupt.Raise(number);
            }));
        return interrupt;
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _registrations.Clear();
        _cts.Dispose();
    }
}
