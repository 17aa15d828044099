namespace BsgKit.Simulator.Kernel;

/// <summary>
/// What the thread serving a request must do before it may block for long (a real delay, a wait for a free tag): the
/// sim run server lets the thread that received a request serve it with no other thread waiting to receive (waking a
/// spare per request costs a context switch each time), and starts one only when the request is about to block.
/// </summary>
internal static class ServingThread
{
    [ThreadStatic] private static Action? t_beforeBlocking;

    /// <summary>Runs once, at the first <see cref="BeforeBlocking"/> on this thread, until <see cref="Clear"/>.</summary>
    internal static void OnBlocking(Action action) => t_beforeBlocking = action;

    /// <summary>Nothing to run any more (the request is answered).</summary>
    internal static void Clear() => t_beforeBlocking = null;

    /// <summary>Called before sleeping or waiting: runs what was registered, once.</summary>
    internal static void BeforeBlocking()
    {
        var action = t_beforeBlocking;
        if (action is null) return;
        t_beforeBlocking = null;
        action();
    }
}
