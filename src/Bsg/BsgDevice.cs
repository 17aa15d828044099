using System.Diagnostics;
using BsgKit.Bsg.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BsgKit.Bsg;

/// <summary>
/// An open bsg node. Thread-safe: many threads may run their own transactions on one device at once (the
/// kernel's queue depth is 128). Disposal waits for nothing; a request in flight keeps its buffers alive.
/// </summary>
public sealed class BsgDevice : IDisposable
{
    private readonly IBsgTransport _transport;
    private readonly BsgNodeChannel _channel;
    private readonly ILogger _logger;

    private BsgDevice(IBsgTransport transport, BsgNodeChannel channel, PinnedBufferPool pool, ILogger logger)
    {
        _transport = transport;
        _channel = channel;
        Pool = pool;
        _logger = logger;
    }

    /// <summary>The /dev/bsg path this device was opened on.</summary>
    public string DevicePath => _channel.DevicePath;
    /// <summary>Where <see cref="CreateTransaction"/> takes its buffers.</summary>
    public PinnedBufferPool Pool { get; }
    /// <summary>What runs SG_IO: the Linux kernel, or a simulator.</summary>
    public IBsgTransport Transport => _transport;

    /// <summary>Opens <paramref name="devicePath"/> through <paramref name="transport"/> (the Linux kernel by default).</summary>
    public static BsgDevice Open(string devicePath, IBsgTransport? transport = null, PinnedBufferPool? pool = null, ILogger? logger = null)
    {
        transport ??= LinuxBsgTransport.Instance;
        var channel = transport.Open(devicePath);
        return new BsgDevice(transport, channel, pool ?? PinnedBufferPool.Shared, logger ?? NullLogger.Instance);
    }

    /// <summary>A transaction whose buffers come from this device's pool.</summary>
    public BsgTransaction CreateTransaction(int requestLength, int doutLength, int dinLength, int replyLength = BsgConstants.DefaultReplyLength) =>
        new(Pool, requestLength, doutLength, dinLength, replyLength);

    /// <summary>
    /// Runs the transaction synchronously (blocks in the ioctl) and interprets the result. Allocates nothing.
    /// Reply and din are zeroed first so nothing stale can pass for an answer.
    /// </summary>
    public BsgCompletion Execute(BsgTransaction transaction)
    {
        transaction.EnterFlight();
        try
        {
            transaction.ClearResponse();
            var header = default(SgIoV4);
            transaction.FillHeader(ref header);
            Span<MemoryRegion> regions = stackalloc MemoryRegion[4];
            var count = transaction.GetRegions(regions);
            var start = Stopwatch.GetTimestamp();
            var errno = _transport.Execute(_channel, ref header, regions[..count]);
            var elapsed = Stopwatch.GetElapsedTime(start);
            var completion = new BsgCompletion(DevicePath, errno, header, transaction.Reply, elapsed);
            if (_logger.IsEnabled(LogLevel.Trace)) _logger.LogTrace("{Completion}", completion.ToString());
            return completion;
        }
        finally
        {
            transaction.LeaveFlight();
        }
    }

    /// <summary>
    /// Runs the transaction on a thread-pool thread. Cancellation abandons the wait, not the request: the
    /// kernel cannot be stopped mid-ioctl, so the transaction keeps its buffers until the ioctl returns.
    /// On a transport that never blocks (<see cref="IBsgTransport.NeverBlocks"/>) it runs on the caller's thread
    /// and returns completed: there is no wait to abandon, so the hop would buy nothing.
    /// </summary>
    public Task<BsgCompletion> ExecuteAsync(BsgTransaction transaction, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_transport.NeverBlocks)
        {
            try
            {
                return Task.FromResult(Execute(transaction));
            }
            catch (Exception e)
            {
                return Task.FromException<BsgCompletion>(e); // as the thread-pool path reports it: in the task
            }
        }
        var work = Task.Factory.StartNew(static state =>
        {
            var (device, tx) = ((BsgDevice, BsgTransaction))state!;
            return device.Execute(tx);
        }, (this, transaction), CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        return cancellationToken.CanBeCanceled ? work.WaitAsync(cancellationToken) : work;
    }

    /// <summary>Closes the node; requests still in flight finish first in the kernel.</summary>
    public void Dispose() => _channel.Dispose();
}
