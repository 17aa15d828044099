using System.Buffers.Binary;
using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;

namespace BsgKit.Bsg.Tests;

public class DeviceConcurrencyTests
{
    [Fact]
    public async Task One_device_serves_many_threads_each_getting_its_own_answer()
    {
        // The "driver" echoes the request's tag into din after a short, varying delay.
        var transport = new ScriptedTransport((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            var tag = BinaryPrimitives.ReadUInt32LittleEndian(m.At(h.Request, 4));
            Thread.Sleep((int)(tag % 3));
            BinaryPrimitives.WriteUInt32LittleEndian(m.At(h.DinXferp, 4), tag * 7);
            h.DinResid = (int)h.DinXferLen - 4;
            return 0;
        });
        using var pool = new PinnedBufferPool();
        using var device = BsgDevice.Open("/dev/bsg/fc_host0", transport, pool);
        var tasks = Enumerable.Range(0, 128).Select(async i =>
        {
            using var tx = device.CreateTransaction(20, 4, 64);
            BinaryPrimitives.WriteUInt32LittleEndian(tx.Request, (uint)i);
            var c = await device.ExecuteAsync(tx);
            c.ThrowIfFailed();
            return BinaryPrimitives.ReadUInt32LittleEndian(tx.Din) == (uint)i * 7;
        }).ToArray();
        var results = await Task.WhenAll(tasks);
        Assert.All(results, Assert.True);
        Assert.Equal(128, transport.Calls);
    }

    [Fact]
    public async Task On_a_transport_that_never_blocks_the_request_runs_on_the_callers_thread_and_returns_completed()
    {
        var transport = new ScriptedTransport((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            m.At(h.DinXferp, 4).Fill(0x5a);
            return 0;
        }) { NeverBlocks = true };
        using var pool = new PinnedBufferPool();
        using var device = BsgDevice.Open("/dev/bsg/fc_host0", transport, pool);
        using var tx = device.CreateTransaction(20, 4, 4);
        using var cts = new CancellationTokenSource();
        var run = device.ExecuteAsync(tx, cts.Token);
        Assert.True(run.IsCompletedSuccessfully);
        Assert.Equal(Environment.CurrentManagedThreadId, transport.LastThreadId);
        (await run).ThrowIfFailed();
        Assert.Equal(0x5a, tx.Din[0]);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => device.ExecuteAsync(tx, cts.Token)); // nothing sent
        Assert.Equal(1, transport.Calls);
    }

    [Fact]
    public async Task On_a_transport_that_never_blocks_a_failure_is_reported_in_the_task_as_on_the_thread_pool()
    {
        var transport = new ScriptedTransport((ref SgIoV4 h, ScriptedTransport.UserMemory m) => throw new InvalidOperationException("driver fault"))
            { NeverBlocks = true };
        using var pool = new PinnedBufferPool();
        using var device = BsgDevice.Open("/dev/bsg/fc_host0", transport, pool);
        using var tx = device.CreateTransaction(20, 4, 4);
        var run = device.ExecuteAsync(tx);
        Assert.True(run.IsFaulted);
        Assert.Equal("driver fault", (await Assert.ThrowsAsync<InvalidOperationException>(() => run)).Message);
        Assert.False(tx.IsInFlight);
    }

    [Fact]
    public async Task Buffers_are_not_returned_while_the_request_is_in_flight()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var transport = new ScriptedTransport((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            entered.Set();
            release.Wait();
            // The "kernel" writes into din after the caller gave up; it must still be our buffer.
            m.At(h.DinXferp, 4).Fill(0x77);
            return 0;
        });
        using var pool = new PinnedBufferPool();
        using var device = BsgDevice.Open("/dev/bsg/fc_host0", transport, pool);
        var tx = device.CreateTransaction(20, 4, 4096);
        using var cts = new CancellationTokenSource();
        var run = device.ExecuteAsync(tx, cts.Token);
        entered.Wait();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        tx.Dispose();                         // caller is done, but the request is still in flight
        Assert.True(tx.IsInFlight);
        // Whatever the pool hands out now must not include the in-flight buffers.
        var others = Enumerable.Range(0, 4).Select(_ => pool.Rent(4096)).ToArray();
        release.Set();
        Assert.True(SpinWait.SpinUntil(() => !tx.IsInFlight, TimeSpan.FromMinutes(1)), "the released request never completed"); // a hang guard
        Assert.All(others, o => Assert.True(o.Span.IndexOfAnyExcept((byte)0) < 0)); // the late write landed in tx's own buffer
        foreach (var o in others) pool.Return(o, 4096);
    }

    [Fact]
    public async Task A_transaction_cannot_be_in_flight_twice()
    {
        using var gate = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var transport = new ScriptedTransport((ref SgIoV4 h, ScriptedTransport.UserMemory m) => { entered.Set(); gate.Wait(); return 0; });
        using var device = BsgDevice.Open("/dev/bsg/fc_host0", transport, new PinnedBufferPool());
        using var tx = device.CreateTransaction(20, 4, 4);
        var first = Task.Run(() => device.Execute(tx));
        entered.Wait();
        Assert.Throws<InvalidOperationException>(() => device.Execute(tx));
        gate.Set();
        await first;
    }

    [Fact]
    public void Opening_a_missing_node_names_the_path_and_errno()
    {
        var transport = new ScriptedTransport((ref SgIoV4 h, ScriptedTransport.UserMemory m) => 0);
        var e = Assert.Throws<BsgNodeNotFoundException>(() => BsgDevice.Open("/dev/bsg/missing9", transport));
        Assert.Contains("/dev/bsg/missing9", e.Message);
        Assert.Contains("ENOENT (2)", e.Message);
    }

    [Fact]
    public void The_linux_transport_reports_enoent_for_a_missing_node()
    {
        var e = Assert.Throws<BsgNodeNotFoundException>(() => BsgDevice.Open("/nonexistent/bsg/fc_host42"));
        Assert.Equal(Errno.ENOENT, e.Errno);
        Assert.Contains("/nonexistent/bsg/fc_host42", e.Message);
    }

    [Fact]
    public void The_linux_transport_gets_enotty_from_the_real_kernel_on_a_regular_file()
    {
        // A real ioctl(SG_IO) on a file that is not a bsg node: the kernel answers ENOTTY.
        var path = Path.Combine(Path.GetTempPath(), $"bsgkit-notbsg-{Environment.ProcessId}");
        File.WriteAllBytes(path, new byte[16]);
        try
        {
            using var device = BsgDevice.Open(path);
            using var tx = device.CreateTransaction(20, 4, 4);
            var c = device.Execute(tx);
            Assert.Equal(BsgOutcome.IoctlFailed, c.Outcome);
            Assert.Equal(Errno.ENOTTY, c.Errno);
            var e = Assert.Throws<BsgErrnoException>(c.ThrowIfFailed);
            Assert.Contains("ENOTTY (25)", e.Message);
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }
}

public class ErrnoTests
{
    [Theory]
    [InlineData(1, "EPERM", "CAP_SYS_RAWIO")]
    [InlineData(13, "EACCES", "root")]
    [InlineData(2, "ENOENT", "no such bsg node")]
    [InlineData(53, "EBADR", "wrong kind of node")]
    [InlineData(42, "ENOMSG", "too short")]
    [InlineData(110, "ETIMEDOUT", "timeout")]
    [InlineData(3, "ESRCH", "vendor_id")]
    [InlineData(16, "EBUSY", "another passthrough")]
    [InlineData(95, "EOPNOTSUPP", "cannot map these buffers")]
    [InlineData(524, "ENOTSUPP", "does not support")]
    [InlineData(22, "EINVAL", "refused")]
    public void Errno_has_a_name_and_an_actionable_hint(int errno, string name, string hintFragment)
    {
        Assert.Equal(name, Errno.NameOf(errno));
        Assert.Contains(hintFragment, Errno.HintFor(errno));
        Assert.Equal($"{name} ({errno})", Errno.Describe(errno));
    }

    /// <summary>Every errno number the table knows (the named constants), found through the table itself.</summary>
    public static TheoryData<int> KnownErrnos()
    {
        var data = new TheoryData<int>();
        foreach (var f in typeof(Errno).GetFields())
            if (f.IsLiteral && f.GetRawConstantValue() is int n && Errno.HintFor(n) != Errno.HintFor(-1)) data.Add(n);
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownErrnos))]
    public void Generic_hints_carry_no_fc_driver_knowledge(int errno)
    {
        // What an errno means on a particular FC driver or node kind is BsgKit.Fc's (FcErrnoHints), not this layer's.
        var hint = Errno.HintFor(errno);
        foreach (var fc in (string[])["lpfc", "qla2xxx", "zfcp", "ibmvfc", "libfc", "fc_host", "HST_", "RPT_", "fabric"])
            Assert.DoesNotContain(fc, hint, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unlisted_errnos_still_get_a_name()
    {
        Assert.Equal("EPIPE", Errno.NameOf(32));
        Assert.Equal("errno 9999", Errno.NameOf(9999));
    }

    [Fact]
    public void Permission_errors_say_what_to_do()
    {
        var e = BsgErrnoException.For("/dev/bsg/fc_host1", "SG_IO", Errno.EPERM);
        Assert.IsType<BsgPermissionException>(e);
        Assert.Contains("root or CAP_SYS_RAWIO", e.Message);
        Assert.Contains("/dev/bsg/fc_host1", e.Message);
    }

    [Fact]
    public void A_driver_eperm_with_a_result_is_not_called_a_permission_problem()
    {
        // qla2xxx answers EPERM for an isolated port: the driver wrote its result, so it is not CAP_SYS_RAWIO.
        var e = BsgErrnoException.For("/dev/bsg/fc_host1", "SG_IO", Errno.EPERM, kernelResult: -1);
        Assert.IsNotType<BsgPermissionException>(e);
    }

    [Fact]
    public void Host_bytes_are_named()
    {
        Assert.Equal("DID_ERROR", HostByte.NameOf(7));
        Assert.Equal("DID_TRANSPORT_MARGINAL", HostByte.NameOf(0x14));
        Assert.Equal("host byte 0x11", HostByte.NameOf(0x11));
    }
}
