using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// While `sim run` runs a child, SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to this process are not this process's
/// end: each goes to the child's process group, and the server waits for the child and exits with its status.
/// A signal that arrives before the child exists is remembered (the child is then not started), so creating one
/// before building the simulated SAN lets a Ctrl-C during the build still remove the tree.
/// </summary>
public sealed class SignalForwarder : IDisposable
{
    private static readonly (PosixSignal Signal, int Number)[] Forwarded =
    [
        (PosixSignal.SIGINT, Libc.SigInt), (PosixSignal.SIGTERM, Libc.SigTerm),
        (PosixSignal.SIGHUP, Libc.SigHup), (PosixSignal.SIGQUIT, Libc.SigQuit),
    ];

    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _child, _first;

    /// <summary>Starts catching SIGINT, SIGTERM, SIGHUP and SIGQUIT (PosixSignalRegistration) and cancelling their default action.</summary>
    public SignalForwarder()
    {
        foreach (var (signal, number) in Forwarded)
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // not the default action: the child decides
                Interlocked.CompareExchange(ref _first, number, 0);
                if (Volatile.Read(ref _child) is var child and > 0) ProcessGroup.Signal(child, number);
            }));
    }

    /// <summary>The first signal received, 0 if none.</summary>
    public int First => Volatile.Read(ref _first);

    /// <summary>From now on signals go to <paramref name="child"/>'s group; one that came before is passed on now.</summary>
    internal void Attach(int child)
    {
        Volatile.Write(ref _child, child);
        if (First is var first and > 0) ProcessGroup.Signal(child, first);
    }

    /// <summary>Stops catching the signals; their default actions apply again.</summary>
    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
    }
}
