namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// Serves notifications concurrently on dedicated threads (a served request may sleep for a simulated timeout,
/// which would starve the thread pool): never fewer threads than requests being served, so no request waits
/// behind another, and at most <c>limit</c> of both. Threads are started on demand and kept until disposed.
/// </summary>
internal sealed class NotificationWorkers : IDisposable
{
    private readonly Seccomp.NotificationHandler _serve;
    private readonly int _limit;
    private readonly SemaphoreSlim _room, _work = new(0);
    private readonly System.Collections.Concurrent.ConcurrentQueue<Seccomp.Notification> _queue = new();
    private readonly List<Thread> _threads = [];
    private int _outstanding;
    private volatile bool _stopping;

    public NotificationWorkers(int limit, Seccomp.NotificationHandler serve)
    {
        _limit = limit;
        _serve = serve;
        _room = new SemaphoreSlim(limit, limit);
    }

    /// <summary>Blocks while <c>limit</c> requests are being served (further callers wait in the kernel meanwhile).</summary>
    public void WaitForRoom() => _room.Wait();

    /// <summary>Gives back the room taken by <see cref="WaitForRoom"/> when nothing was received.</summary>
    public void GiveBackRoom() => _room.Release();

    /// <summary>Hands a received notification to a worker (after <see cref="WaitForRoom"/>).</summary>
    public void Dispatch(in Seccomp.Notification notification)
    {
        _queue.Enqueue(notification);
        if (Interlocked.Increment(ref _outstanding) > _threads.Count) StartWorker(); // only the receive loop dispatches
        _work.Release();
    }

    private void StartWorker()
    {
        var t = new Thread(Work) { IsBackground = true, Name = $"bsgkit-sg-io-{_threads.Count}" };
        _threads.Add(t);
        t.Start();
    }

    private void Work()
    {
        while (true)
        {
            _work.Wait();
            if (!_queue.TryDequeue(out var n))
            {
                if (_stopping) return;
                continue;
            }
            try { _serve(n); }
            finally
            {
                Interlocked.Decrement(ref _outstanding);
                _room.Release();
            }
        }
    }

    /// <summary>Waits for every request taken to be answered, then ends the threads.</summary>
    public void Dispose()
    {
        for (var i = 0; i < _limit; i++) _room.Wait();
        _stopping = true;
        if (_threads.Count > 0) _work.Release(_threads.Count);
        foreach (var t in _threads) t.Join();
        _room.Dispose();
        _work.Dispose();
    }
}
