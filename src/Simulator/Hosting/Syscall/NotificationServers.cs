using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// Serves a seccomp listener with leaders and followers: one thread at a time (the leader) polls and receives; having
/// received, it hands leadership to an idle thread (starting one while fewer than <c>limit</c> exist) and serves that
/// notification itself. So no request waits behind another (a simulated timeout with real delays sleeps on its own
/// thread), at most <c>limit</c> are served at once (further callers wait in the kernel), each notification is taken
/// by exactly one thread, and a request goes from the kernel to its answer on one thread — no queue, no wake-up of a
/// worker between them. <see cref="Run"/> returns when every filtered task is gone and every request taken is answered.
/// </summary>
internal sealed unsafe class NotificationServers(int listener, int limit, Seccomp.NotificationHandler serve)
{
    private readonly SemaphoreSlim _leadership = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<Thread> _threads = [];
    private int _idle;       // threads not serving (waiting to lead, or leading)
    private volatile bool _done;

    /// <summary>Serves on this thread (and the ones it starts) until hang-up; then waits for them all.</summary>
    public void Run()
    {
        lock (_lock) _idle = 1;
        Loop();
        while (true)
        {
            Thread[] others;
            lock (_lock) others = [.. _threads];
            foreach (var t in others) t.Join();
            lock (_lock) if (_threads.Count == others.Length) break; // none started meanwhile
        }
        _leadership.Dispose();
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
            bool start;
            lock (_lock)
            {
                _idle--;
                start = _idle == 0 && _threads.Count + 1 < limit;
                if (start) _idle++;
            }
            if (start) StartFollower();
            _leadership.Release();
            try { serve(n); }
            finally { lock (_lock) _idle++; }
        }
    }

    private void StartFollower()
    {
        var t = new Thread(Loop) { IsBackground = true, Name = "bsgkit-sg-io-server" };
        lock (_lock) _threads.Add(t);
        t.Start();
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
