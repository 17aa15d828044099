using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BsgKit.Bsg;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;
using Microsoft.Extensions.Logging;

namespace BsgKit.Fc.Clients;

/// <summary>
/// State shared by a host and the remote ports reached through it: the profile, the per-host gate (ibmvfc
/// allows one passthrough at a time; others get bounded parallelism), the logger and the timeout.
/// </summary>
internal sealed class FcSession(FcDriverProfile profile, ILogger logger, FcClientOptions options) : IDisposable
{
    public FcDriverProfile Profile { get; } = profile;
    public ILogger Logger { get; } = logger;
    public uint TimeoutMs { get; } = options.TimeoutMs ?? profile.TimeoutMs;
    public bool AllowStateChanges { get; } = options.AllowStateChanges;
    public FcBusyRetry BusyRetry { get; } = options.BusyRetry;
    public FcGate Gate { get; } = new(profile.SerializeRequests ? 1 : Math.Max(1, profile.MaxParallelRequests));

    public void Dispose() => Gate.Dispose();
}

/// <summary>
/// One open bsg node plus a small pool of transactions, so the steady-state request path reuses pinned
/// buffers and builds everything in place. Owns both: Dispose frees the pooled transactions' buffers and
/// closes the node; a transaction still out (a request in flight) is freed when it comes back.
/// </summary>
internal sealed class FcNode(BsgDevice device, FcSession session, bool isHost) : IDisposable
{
    private const int PooledTransactions = 16;
    // Free transactions in fixed slots, taken and put back with one interlocked operation each: every request takes one
    // and gives it back, and FreeList's lock for both was measurable here (~25 ns of a ~350 ns in-process GPN_ID).
    private readonly BsgTransaction?[] _free = new BsgTransaction?[PooledTransactions];
    // Made on the first cancellation: ConcurrentDictionary<…, byte> is JIT-compiled, and most processes never cancel.
    private ConcurrentDictionary<BsgTransaction, byte>? _abandoned;
    private int _disposed;

    public BsgDevice Device { get; } = device;
    public FcSession Session { get; } = session;
    public bool IsHost { get; } = isHost;
    public string Path => Device.DevicePath;

    private ConcurrentDictionary<BsgTransaction, byte> Abandoned()
    {
        if (Volatile.Read(ref _abandoned) is { } made) return made;
        Interlocked.CompareExchange(ref _abandoned, new(), null);
        return _abandoned!;
    }

    // Rent, Return and the exchange are calls, not inlined into the typed paths: inlined, their slow branches (buffer pool,
    // disposal, retries, messages) made the caller's frame kilobytes deep, zeroed on every request.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public BsgTransaction Rent(int requestLength, int doutLength, int dinLength)
    {
        if (TakeFree() is { } tx) tx.SetLengths(requestLength, doutLength, dinLength);
        else tx = Device.CreateTransaction(requestLength, doutLength, dinLength);
        tx.TimeoutMs = Session.TimeoutMs;
        return tx;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Return(BsgTransaction tx)
    {
        // A request abandoned by cancellation may still be (or not yet be) in the kernel's hands: never reuse
        // it; Dispose defers the buffer release until the ioctl returns.
        if ((Volatile.Read(ref _abandoned) is { } abandoned && abandoned.TryRemove(tx, out _)) || tx.IsInFlight || Volatile.Read(ref _disposed) != 0 || !PutFree(tx))
        {
            tx.Dispose();
            return;
        }
        if (Volatile.Read(ref _disposed) != 0) DisposeFree(); // raced with Dispose
    }

    private BsgTransaction? TakeFree()
    {
        var free = _free;
        for (var i = 0; i < free.Length; i++)
            if (Volatile.Read(ref free[i]) is not null && Interlocked.Exchange(ref free[i], null) is { } tx) return tx;
        return null;
    }

    /// <summary>Keeps <paramref name="tx"/> in the first empty slot; false when all are taken.</summary>
    private bool PutFree(BsgTransaction tx)
    {
        var free = _free;
        for (var i = 0; i < free.Length; i++)
            if (Volatile.Read(ref free[i]) is null && Interlocked.CompareExchange(ref free[i], tx, null) is null) return true;
        return false;
    }

    /// <summary>Shrinks dout to the length the builder actually wrote (the pool hands out zeroed buffers).</summary>
    public static void TrimDout(BsgTransaction tx, int doutLength)
    {
        if (doutLength != tx.DoutLength) Trim(tx, doutLength);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Trim(BsgTransaction tx, int doutLength)
    {
        var saved = ArrayPool<byte>.Shared.Rent(Math.Max(1, doutLength + tx.RequestLength));
        try
        {
            var requestLength = tx.RequestLength;
            tx.Request.CopyTo(saved);
            tx.Dout[..doutLength].CopyTo(saved.AsSpan(requestLength));
            tx.SetLengths(requestLength, doutLength, tx.DinLength, tx.ReplyLength);
            saved.AsSpan(0, requestLength).CopyTo(tx.Request);
            saved.AsSpan(requestLength, doutLength).CopyTo(tx.Dout);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(saved);
        }
    }

    /// <summary>Sends, and while the answer is busy (and attempts remain) waits with backoff and sends again.</summary>
    public async Task<FcExchangeResult> ExecuteAsync(BsgTransaction tx, FcPayloadKind kind, FcBsgMsgCode code, string operation, FcId? destination,
        bool keepBytes, CancellationToken cancellationToken) =>
        (await ExecuteOutcomeAsync(tx, kind, code, operation, destination, keepBytes, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>
    /// <see cref="ExecuteAsync"/> as a value. A request nobody can cancel runs its ioctl on the caller's thread (the
    /// thread-pool hop buys nothing when no one can stop waiting) and, unless the host's gate is taken or the answer is
    /// busy, returns completed: nothing allocated, nothing queued. So does a cancellable one (not yet cancelled) on a
    /// transport that never blocks (<see cref="IBsgTransport.NeverBlocks"/>: a simulator without real delays), where
    /// there is no wait to stop. Any other cancellable one runs on the thread pool, so cancelling abandons the wait (the
    /// ioctl itself cannot be stopped).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ValueTask<FcExchangeOutcome> ExecuteOutcomeAsync(BsgTransaction tx, FcPayloadKind kind, FcBsgMsgCode code, string operation, FcId? destination,
        bool keepBytes, CancellationToken cancellationToken)
    {
        var inline = !cancellationToken.CanBeCanceled || (!cancellationToken.IsCancellationRequested && Device.Transport.NeverBlocks);
        if (!inline || !Session.Gate.TryEnter())
            return ExecuteWithRetriesAsync(tx, kind, code, operation, destination, keepBytes, null, cancellationToken);
        var first = ExecuteInlineHoldingGate(tx, kind, code, operation, destination, keepBytes);
        return first.Status != FcExchangeStatus.Busy || Session.BusyRetry.MaxAttempts <= 1
            ? new ValueTask<FcExchangeOutcome>(first)
            : ExecuteWithRetriesAsync(tx, kind, code, operation, destination, keepBytes, first, cancellationToken);
    }

    /// <summary>Sends (unless <paramref name="first"/> is the first answer already), and while busy waits with backoff and sends again.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<FcExchangeOutcome> ExecuteWithRetriesAsync(BsgTransaction tx, FcPayloadKind kind, FcBsgMsgCode code, string operation,
        FcId? destination, bool keepBytes, FcExchangeOutcome? first, CancellationToken cancellationToken)
    {
        var retry = Session.BusyRetry;
        for (var attempt = 1; ; attempt++)
        {
            FcExchangeOutcome result;
            if (attempt == 1 && first is { } done) result = done;
            else if (cancellationToken.CanBeCanceled) result = await ExecuteOnceAsync(tx, kind, code, operation, destination, keepBytes, cancellationToken).ConfigureAwait(false);
            else
            {
                await Session.Gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                result = ExecuteInlineHoldingGate(tx, kind, code, operation, destination, keepBytes);
            }
            if (result.Status != FcExchangeStatus.Busy || attempt >= retry.MaxAttempts)
            {
                result.Attempts = attempt;
                return result;
            }
            var delay = retry.DelayAfter(attempt);
            Session.Logger.LogDebug("{Operation}: busy ({Detail}); attempt {Attempt} of {Max}, retrying in {Delay} ms",
                operation, result.Detail, attempt, retry.MaxAttempts, delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            // The next answer must not be read together with what the busy one left behind.
            tx.Din.Clear();
            tx.Reply.Clear();
        }
    }

    /// <summary>The ioctl on this thread, the host's gate already taken (released here).</summary>
    private FcExchangeOutcome ExecuteInlineHoldingGate(BsgTransaction tx, FcPayloadKind kind, FcBsgMsgCode code, string operation, FcId? destination, bool keepBytes)
    {
        BsgCompletion completion;
        try
        {
            completion = Device.Execute(tx);
        }
        finally
        {
            Session.Gate.Release();
        }
        return Interpret(completion, tx, kind, code, operation, destination, keepBytes);
    }

    private async ValueTask<FcExchangeOutcome> ExecuteOnceAsync(BsgTransaction tx, FcPayloadKind kind, FcBsgMsgCode code, string operation, FcId? destination,
        bool keepBytes, CancellationToken cancellationToken)
    {
        var gate = Session.Gate;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task<BsgCompletion> work;
        try
        {
            work = Device.ExecuteAsync(tx, CancellationToken.None);
        }
        catch
        {
            gate.Release();
            throw;
        }
        BsgCompletion completion;
        try
        {
            completion = await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            // The ioctl cannot be stopped: keep the host's slot taken until it returns (ibmvfc would EBUSY the next one).
            Abandoned().TryAdd(tx, 0);
            _ = work.ContinueWith(static (_, g) => ((FcGate)g!).Release(), gate, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        catch
        {
            gate.Release();
            throw;
        }
        gate.Release();
        return Interpret(completion, tx, kind, code, operation, destination, keepBytes);
    }

    private FcExchangeOutcome Interpret(in BsgCompletion completion, BsgTransaction tx, FcPayloadKind kind, FcBsgMsgCode code, string operation,
        FcId? destination, bool keepBytes)
    {
        var result = FcExchangeInterpreter.InterpretOutcome(completion, tx.Reply, tx.Din, kind, Session.Profile, code, operation, destination, keepBytes);
        if (Session.Logger.IsEnabled(LogLevel.Debug)) LogExchange(result);
        return result;
    }

    // Out of line: the result object and the log call would otherwise be temporaries of every request's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LogExchange(in FcExchangeOutcome result) => Session.Logger.LogDebug("{Exchange}", result.ToResult().ToString());

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        DisposeFree();
        Device.Dispose();
    }

    private void DisposeFree()
    {
        for (var i = 0; i < _free.Length; i++) Interlocked.Exchange(ref _free[i], null)?.Dispose();
    }
}
