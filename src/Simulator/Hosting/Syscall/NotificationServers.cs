using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// Serves a seccomp listener on several threads, each notification taken by exactly one of them (the kernel's
/// NOTIF_RECV hands each out once) and answered on the thread that took it — no queue, no wake-up of a worker in
/// between. Whenever a thread starts serving and none is left waiting, another is started (while fewer than
/// <c>limit</c> exist), so no request waits behind another (a simulated timeout with real delays sleeps on its own
/// thread); further callers wait in the kernel. <see cref="Run"/> returns when every filtered task is gone and every
/// request taken is answered.
/// <para>
/// Two ways to wait, chosen by the kernel: with <paramref name="blockingReceive"/> (Linux 6.6 and later, which has
/// the sync wake-up flag and whose NOTIF_RECV wakes on hang-up) every idle thread sits in NOTIF_RECV itself and the
/// kernel picks the one that gets the request — nothing in user space is handed over or locked per request, and a
/// lone caller is served by the same thread each time. Every thread waiting in NOTIF_RECV is woken by each notification
/// (one context switch more per waiter), so there the thread that takes the last waiting place starts another only if
/// its request is about to block (<see cref="Kernel.ServingThread"/>: a real delay, a wait for a tag) — a request
/// served at once just delays the next caller by as long, as a single-threaded responder would; threads beyond
/// <see cref="MaxIdle"/> idle ones end, so a burst leaves no herd behind. Older kernels (whose NOTIF_RECV never returns on hang-up) get leaders and followers:
/// one thread at a time polls and receives, hands leadership on and serves.
/// </para>
/// </summary>
internal sealed unsafe class NotificationServers(int listener, int limit, Seccomp.NotificationHandler serve, bool blockingReceive, Action sendFailed)
{
    /// <summary>Idle threads kept after a burst (blocking mode): each one more is woken by every notification.</summary>
    internal const int MaxIdle = 1;

    private readonly SemaphoreSlim _leadership = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<Thread> _threads = [];
    private int _idle;       // threads not serving (waiting to receive, or leading)
    private volatile bool _done;
    private Action? _startReceiver; // made once: registered per request that leaves nobody receiving

    /// <summary>Serves on this thread (and the ones it starts) until hang-up; then waits for them all.</summary>
    public void Run()
    {
        _idle = 1;
        if (blockingReceive) ReceiveLoop();
        else Loop();
        while (true)
        {
            Thread next;
            lock (_lock)
            {
                if (_threads.Count == 0) break; // each thread takes itself out as it ends
                next = _threads[0];
            }
            next.Join();
            lock (_lock) _threads.Remove(next);
        }
        _leadership.Dispose();
    }

    /// <summary>Blocking mode: receive (in the kernel, beside the other idle threads), serve, again.</summary>
    private void ReceiveLoop()
    {
        var notif = stackalloc byte[Seccomp.NotifSize];
        while (!_done)
        {
            if (ReceiveBlocking(notif) is not { } n) continue;
            // This thread now serves. If none is left receiving, one is started only should the request block (a real
            // delay, a wait for a tag): a request served at once keeps a lone caller on one thread, the only one woken.
            if (Interlocked.Decrement(ref _idle) == 0) Kernel.ServingThread.OnBlocking(_startReceiver ??= () => Start(ReceiveLoop));
            try { ServeAndAnswer(n); }
            finally { Kernel.ServingThread.Clear(); }
            if (TryRetire()) return;
        }
    }

    /// <summary>
    /// Serves, counts this thread idle again, then answers: the caller's next request must find it idle, or a lone
    /// caller would have a new thread started now and then (one retiring for it later).
    /// </summary>
    private void ServeAndAnswer(in Seccomp.Notification n)
    {
        var response = stackalloc byte[Seccomp.NotifRespSize];
        new Span<byte>(response, Seccomp.NotifRespSize).Clear();
        bool send;
        try { send = serve(n, response); }
        finally { Interlocked.Increment(ref _idle); }
        if (send && Libc.Ioctl(listener, Seccomp.IoctlNotifSend, response) != 0) sendFailed(); // interrupted or killed meanwhile
    }

    /// <summary>Takes this thread out of the idle ones if more than <see cref="MaxIdle"/> are idle.</summary>
    private bool TryRetire()
    {
        var idle = Volatile.Read(ref _idle);
        while (idle > MaxIdle)
        {
            var seen = Interlocked.CompareExchange(ref _idle, idle - 1, idle);
            if (seen == idle) return true;
            idle = seen;
        }
        return false;
    }

    /// <summary>Starts one more thread (counted idle from now) unless <c>limit</c> are running.</summary>
    private void Start(ThreadStart loop)
    {
        Thread t;
        lock (_lock)
        {
            if (_done || _threads.Count + 1 >= limit) return;
            Interlocked.Increment(ref _idle);
            t = new Thread(() =>
            {
                try { loop(); }
                finally { lock (_lock) _threads.Remove(Thread.CurrentThread); }
            }) { IsBackground = true, Name = "bsgkit-sg-io-server" };
            _threads.Add(t);
        }
        t.Start();
    }

    /// <summary>
    /// NOTIF_RECV, waiting in the kernel; null for a dead caller's leftover, an interruption, or hang-up (then
    /// <see cref="_done"/>, also for every other thread: a hung-up listener answers each receive at once).
    /// </summary>
    private Seccomp.Notification? ReceiveBlocking(byte* notif)
    {
        new Span<byte>(notif, Seccomp.NotifSize).Clear(); // NOTIF_RECV insists on a zeroed struct
        if (Libc.Ioctl(listener, Seccomp.IoctlNotifRecv, notif) == 0) return Seccomp.Notification.Read(notif);
        var errno = Marshal.GetLastPInvokeError();
        if (errno is not (Bsg.Errno.EINTR or Bsg.Errno.ENOENT)) _done = true;
        else
        {
            // ENOENT is also what a receive gets once every filtered task has exited: ask poll, which says so.
            var poll = new PollFd { Fd = listener, Events = Libc.PollIn };
            if (Libc.Poll(&poll, 1, 0) > 0 && (poll.Revents & (Libc.PollHup | Libc.PollErr | Libc.PollNval)) != 0
                && (poll.Revents & Libc.PollIn) == 0)
                _done = true;
        }
        return null;
    }

    private void Loop()
    {
        var notif = stackalloc byte[Seccomp.NotifSize];
        while (true)
        {
            _leadership.Wait();
            if (_done)
            {
                _leadership.Release(); // pass the news on: every waiting thread ends
                return;
            }
            var received = Receive(notif);
            if (received is not { } n)
            {
                if (_done) { _leadership.Release(); return; }
                _leadership.Release();
                continue;
            }
            // This thread now serves: make sure someone can lead meanwhile (unless `limit` are serving already).
            if (Interlocked.Decrement(ref _idle) == 0) Start(Loop);
            _leadership.Release();
            ServeAndAnswer(n);
        }
    }

    /// <summary>The next notification, or null (nothing yet, a dead caller's leftover, or hang-up: then <see cref="_done"/>).</summary>
    private Seccomp.Notification? Receive(byte* notif)
    {
        var poll = new PollFd { Fd = listener, Events = Libc.PollIn };
        var ready = Libc.Poll(&poll, 1, 1000);
        if (ready < 0)
        {
            if (Marshal.GetLastPInvokeError() != Bsg.Errno.EINTR) _done = true;
            return null;
        }
        if (ready == 0) return null;
        var hungUp = (poll.Revents & (Libc.PollHup | Libc.PollErr | Libc.PollNval)) != 0;
        if ((poll.Revents & Libc.PollIn) == 0)
        {
            if (hungUp) _done = true; // every filtered task has exited
            return null;
        }
        new Span<byte>(notif, Seccomp.NotifSize).Clear(); // NOTIF_RECV insists on a zeroed struct
        if (Libc.Ioctl(listener, Seccomp.IoctlNotifRecv, notif) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (hungUp || errno is not (Bsg.Errno.EINTR or Bsg.Errno.ENOENT)) _done = true; // ENOENT: the caller died before we got it
            return null;
        }
        return Seccomp.Notification.Read(notif);
    }
}
