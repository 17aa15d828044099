using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>The ublk-style request slots: 128 tags, one state machine, exactly-once completion.</summary>
public class RequestSlotTests
{
    /// <summary>A hang guard, never the thing that decides: the orderings below are waited for as states.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Parallel_128_requests_on_one_host_each_complete_exactly_once_with_their_own_answer()
    {
        using var h = new SimHarness("fcoe");
        using var device = h.Open(h.HostNode);
        var tasks = Enumerable.Range(0, 128).Select(i => Task.Run(() =>
        {
            using var tx = device.CreateTransaction(FcBsgRequest.Size, 8, 8);
            FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, StubFabric.Target);
            tx.Dout[0] = 0x10;
            BitConverter.TryWriteBytes(tx.Dout[4..], i);
            var c = device.Execute(tx);
            c.ThrowIfFailed();
            return tx.Din[0] == 0x02 && BitConverter.ToInt32(tx.Din[4..8]) == i;
        })).ToArray();
        Assert.All(await Task.WhenAll(tasks), Assert.True);
        var queue = h.San.FindNode(h.HostNode)!.Queue;
        Assert.Equal(128, queue.Executions);
        Assert.Equal(0, queue.DoubleCompletions);
        Assert.Equal(0, queue.InFlight);
        Assert.Equal(128, h.Fabric.Exchanges);
    }

    [Fact]
    public void A_second_completion_is_caught_as_a_bug_and_never_written()
    {
        var table = new RequestSlotTable(4);
        var slot = table.Acquire(owner: this);
        Assert.Equal(RequestState.Fetched, slot.State);
        table.HandOver(slot);
        Assert.Equal(RequestState.OwnedByHandler, slot.State);
        slot.Job.Done(-5, 0);
        slot.Job.Done(0, 4096); // a buggy handler completing again
        Assert.Equal(RequestState.Completed, slot.State);
        Assert.Equal(-5, slot.Job.Result);
        Assert.Equal(0u, slot.Job.ReplyPayloadRcvLen);
        Assert.Equal(1, table.DoubleCompletions);
        table.Release(slot);
        Assert.Equal(RequestState.Free, slot.State);
    }

    [Fact]
    public void Hand_over_from_the_wrong_state_is_refused()
    {
        var table = new RequestSlotTable(2);
        var slot = table.Acquire(this);
        table.HandOver(slot);
        Assert.Throws<InvalidOperationException>(() => table.HandOver(slot));
        Assert.Throws<ArgumentOutOfRangeException>(() => table[2]);
    }

    [Fact]
    public async Task The_129th_request_waits_for_a_free_tag()
    {
        var table = new RequestSlotTable(128);
        var slots = Enumerable.Range(0, 128).Select(_ => table.Acquire(this)).ToList();
        var waiting = Task.Run(() => table.Acquire(this));
        // Ordered by state, not by a sleep: the 129th caller is blocked inside Acquire before any tag is freed.
        Assert.True(SpinWait.SpinUntil(() => table.Waiting == 1, HangGuard), "the 129th Acquire never blocked waiting for a tag");
        Assert.False(waiting.IsCompleted); // blocked on a table with no free tag: it cannot have returned
        table.Release(slots[7]);
        var got = await waiting.WaitAsync(HangGuard);
        Assert.Equal(7, got.Tag);
        Assert.Equal(0, table.Waiting);
    }

    [Fact]
    public async Task Closing_the_channel_errors_out_requests_in_flight_and_writes_nothing_back()
    {
        using var h = new SimHarness("fcoe");
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        h.Fabric.Override = (d, t, p) => { inside.Set(); Assert.True(release.Wait(HangGuard)); return null; };
        var file = h.San.Kernel.Open(h.San.FindNode(h.HostNode)!);
        using var tx = h.Tx(FcBsgRequest.Size, 8, 8);
        FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, StubFabric.Target);
        tx.Dout[0] = 0x10;
        var run = Task.Run(() => h.Raw(h.HostNode, tx, file: file));
        Assert.True(inside.Wait(HangGuard), "the request never reached the fabric");
        file.Close();  // the caller's fd goes away mid-request
        release.Set();
        var (rc, _) = await run;
        Assert.Equal(Errno.EIO, rc);
        Assert.Equal(0, tx.Din[0]); // nothing written to a caller that is gone
        Assert.Equal(0, h.San.FindNode(h.HostNode)!.Queue.InFlight);
    }

    [Fact]
    public void A_handler_that_throws_answers_with_an_errno_instead_of_crashing()
    {
        using var h = new SimHarness("fcoe");
        h.Fabric.Override = (d, t, p) => throw new NotImplementedException("no handler for this");
        using var tx = h.Tx(FcBsgRequest.Size, 8, 8);
        FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, StubFabric.Target);
        tx.Dout[0] = 0x10;
        Assert.Equal(Errno.EIO, h.Raw(h.HostNode, tx).Rc);
        Assert.Equal(0, h.San.FindNode(h.HostNode)!.Queue.InFlight);
    }
}
