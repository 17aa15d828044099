using System.Buffers.Binary;
using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;

namespace BsgKit.Bsg.Tests;

public class TransactionHeaderTests
{
    private static SgIoV4 Fill(int request, int dout, int din, int reply, BsgRequestKind kind = BsgRequestKind.TransportMessage)
    {
        using var tx = new BsgTransaction(new PinnedBufferPool(), request, dout, din, reply) { Kind = kind, TimeoutMs = 9000, Flags = BsgConstants.FlagQueueAtTail };
        var h = default(SgIoV4);
        h.Duration = 1234; // FillHeader must start from zero
        tx.FillHeader(ref h);
        Assert.Equal(request == 0 ? 0UL : 1UL, h.Request == 0 ? 0UL : 1UL);
        return h;
    }

    [Fact]
    public void Both_payloads_point_at_page_aligned_buffers_with_exact_lengths()
    {
        var h = Fill(20, 36, 4096, 96);
        Assert.Equal('Q', h.Guard);
        Assert.Equal(0u, h.Protocol);
        Assert.Equal(2u, h.Subprotocol);
        Assert.Equal(20u, h.RequestLen);
        Assert.Equal(36u, h.DoutXferLen);
        Assert.Equal(4096u, h.DinXferLen);
        Assert.Equal(96u, h.MaxResponseLen);
        Assert.NotEqual(0UL, h.DoutXferp);
        Assert.NotEqual(0UL, h.DinXferp);
        Assert.NotEqual(0UL, h.Response);
        Assert.Equal(0UL, h.DoutXferp % 4096);
        Assert.Equal(0UL, h.DinXferp % 4096);
        Assert.Equal(9000u, h.Timeout);
        Assert.Equal(0x10u, h.Flags);
        Assert.Equal(0u, h.Duration);
        Assert.Equal(0u, h.DoutIovecCount);
        Assert.Equal(0u, h.DinIovecCount);
    }

    [Fact]
    public void Dout_only_leaves_din_null()
    {
        var h = Fill(20, 64, 0, 96);
        Assert.Equal(64u, h.DoutXferLen);
        Assert.NotEqual(0UL, h.DoutXferp);
        Assert.Equal(0u, h.DinXferLen);
        Assert.Equal(0UL, h.DinXferp);
    }

    [Fact]
    public void Din_only_leaves_dout_null()
    {
        var h = Fill(20, 0, 512, 96);
        Assert.Equal(0u, h.DoutXferLen);
        Assert.Equal(0UL, h.DoutXferp);
        Assert.Equal(512u, h.DinXferLen);
        Assert.NotEqual(0UL, h.DinXferp);
    }

    [Fact]
    public void Neither_payload_leaves_both_null()
    {
        var h = Fill(16, 0, 0, 16);
        Assert.Equal(0UL, h.DoutXferp);
        Assert.Equal(0UL, h.DinXferp);
        Assert.Equal(0u, h.DoutXferLen);
        Assert.Equal(0u, h.DinXferLen);
    }

    [Fact]
    public void No_reply_buffer_means_null_response_pointer()
    {
        var h = Fill(20, 4, 4, 0);
        Assert.Equal(0UL, h.Response);
        Assert.Equal(0u, h.MaxResponseLen);
    }

    [Fact]
    public void Scsi_commands_use_subprotocol_0()
    {
        var h = Fill(6, 0, 96, 32, BsgRequestKind.ScsiCommand);
        Assert.Equal(0u, h.Subprotocol);
        Assert.Equal(6u, h.RequestLen);
    }
}

/// <summary>The completion mapping of docs/reference/kernel-rules.md §3/§7, one row per test, through a scripted transport.</summary>
public class CompletionInterpretationTests
{
    private static (BsgCompletion, BsgTransaction) Run(ScriptedTransport.Script script, int dout = 8, int din = 64, int reply = 96)
    {
        var transport = new ScriptedTransport(script);
        using var device = BsgDevice.Open("/dev/bsg/fc_host0", transport, new PinnedBufferPool());
        var tx = device.CreateTransaction(20, dout, din, reply);
        tx.Din.Fill(0xEE); // stale bytes from "last time" must be cleared by Execute
        var c = device.Execute(tx);
        return (c, tx);
    }

    [Fact]
    public void Ioctl_errno_keeps_the_header_and_reports_the_negative_result_from_the_reply()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(m.At(h.Response, 4), -22);
            h.ResponseLen = 4; // would be ignored: the header is not copied back on error
            return Errno.EINVAL;
        });
        Assert.Equal(BsgOutcome.IoctlFailed, c.Outcome);
        Assert.Equal(22, c.Errno);
        Assert.Equal(-22, c.KernelResult);
        Assert.Equal(0, c.ResponseLength);
        var e = Assert.Throws<BsgErrnoException>(c.ThrowIfFailed);
        Assert.Contains("/dev/bsg/fc_host0", e.Message);
        Assert.Contains("EINVAL (22)", e.Message);
        Assert.Equal(-22, e.KernelResult);
        tx.Dispose();
    }

    [Fact]
    public void Ioctl_errno_before_dispatch_has_no_result()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) => Errno.EPERM);
        Assert.Equal(0, c.KernelResult);
        Assert.IsType<BsgPermissionException>(Record.Exception(c.ThrowIfFailed));
        tx.Dispose();
    }

    [Fact]
    public void Timeout_errno_is_a_timeout_exception()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(m.At(h.Response, 4), -110);
            return Errno.ETIMEDOUT;
        });
        var e = Assert.IsType<BsgTimeoutException>(Record.Exception(c.ThrowIfFailed));
        Assert.Contains("ETIMEDOUT (110)", e.Message);
        tx.Dispose();
    }

    [Fact]
    public void Transport_status_is_an_error_even_though_the_ioctl_succeeded()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            h.TransportStatus = HostByte.Error;
            h.Info = 1;
            h.ResponseLen = 28;
            return 0;
        });
        Assert.Equal(BsgOutcome.StatusError, c.Outcome);
        Assert.Equal(7u, c.TransportStatus);
        Assert.Equal(28, c.ResponseLength);
        var e = Assert.IsType<BsgTransportStatusException>(Record.Exception(c.ThrowIfFailed));
        Assert.Contains("DID_ERROR", e.Message);
        tx.Dispose();
    }

    [Fact]
    public void Device_status_is_an_error()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) => { h.DeviceStatus = 2; h.Info = 1; return 0; });
        Assert.Equal(BsgOutcome.StatusError, c.Outcome);
        Assert.Equal(2u, c.DeviceStatus);
        tx.Dispose();
    }

    [Fact]
    public void Driver_status_is_an_error()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) => { h.DriverStatus = 8; h.Info = 1; return 0; });
        Assert.Equal(BsgOutcome.StatusError, c.Outcome);
        tx.Dispose();
    }

    [Fact]
    public void Received_length_comes_from_din_resid()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            m.At(h.DinXferp, 4)[0] = 0x02;
            h.ResponseLen = 16;
            h.DinResid = (int)h.DinXferLen - 4;
            return 0;
        });
        Assert.Equal(BsgOutcome.Completed, c.Outcome);
        Assert.Equal(4, c.ReceivedLength);
        Assert.Equal(16, c.ResponseLength);
        Assert.Equal(0x02, tx.Din[0]);
        Assert.Equal(0, tx.Din[4]); // stale 0xEE was cleared before the request
        c.ThrowIfFailed();
        tx.Dispose();
    }

    [Fact]
    public void Response_len_above_max_response_len_is_clamped()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) => { h.ResponseLen = 4000; return 0; }, reply: 16);
        Assert.Equal(16, c.ResponseLength);
        tx.Dispose();
    }

    [Fact]
    public void Hostile_din_resid_is_clamped_into_range()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) => { h.DinResid = -1000; return 0; });
        Assert.Equal(64, c.ReceivedLength);
        var (c2, tx2) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) => { h.DinResid = int.MaxValue; return 0; });
        Assert.Equal(0, c2.ReceivedLength);
        tx.Dispose();
        tx2.Dispose();
    }

    [Fact]
    public void Silent_ioerr_is_a_failure_never_a_success()
    {
        // docs/reference/kernel-rules.md #21: ioctl 0, statuses 0, response_len 96 of stale bytes, din_resid = din_xfer_len.
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            m.At(h.Response, 96).Fill(0x5A);
            h.ResponseLen = 96;
            h.DinResid = (int)h.DinXferLen;
            return 0;
        });
        Assert.Equal(BsgOutcome.SilentIoError, c.Outcome);
        Assert.False(c.IsSuccess);
        var e = Assert.IsType<BsgSilentIoErrorException>(Record.Exception(c.ThrowIfFailed));
        Assert.Contains("no response arrived", e.Message);
        tx.Dispose();
    }

    [Fact]
    public void Requests_without_din_complete_with_zero_received()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) => { h.ResponseLen = 16; return 0; }, dout: 0, din: 0);
        Assert.Equal(BsgOutcome.Completed, c.Outcome);
        Assert.Equal(0, c.ReceivedLength);
        tx.Dispose();
    }

    [Fact]
    public void Duration_is_measured_in_user_space_not_read_from_the_header()
    {
        var (c, tx) = Run((ref SgIoV4 h, ScriptedTransport.UserMemory m) =>
        {
            Thread.Sleep(30);
            h.Duration = 999_999; // a kernel never sets it; whatever is there must not be believed
            h.DinResid = 0;
            return 0;
        });
        // At least the "driver's" sleep, and far below the 999,999 ms the header claims: no upper wall-clock limit to miss.
        Assert.InRange(c.Duration.TotalMilliseconds, 25, 999_999 - 1);
        tx.Dispose();
    }
}
