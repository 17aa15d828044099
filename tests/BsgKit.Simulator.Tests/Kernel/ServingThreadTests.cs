using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>The sim run server starts a second receiver only when a request is about to block: the hook runs once, there.</summary>
public class ServingThreadTests
{
    [Fact]
    public void A_real_delay_runs_the_hook_once_and_a_simulated_one_not_at_all()
    {
        var runs = 0;
        try
        {
            ServingThread.OnBlocking(() => runs++);
            new SimClock().Advance(TimeSpan.FromSeconds(5)); // simulated time only: nothing blocks
            Assert.Equal(0, runs);
            var real = new SimClock { RealDelays = true };
            real.Advance(TimeSpan.FromMilliseconds(1));
            real.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, runs);
        }
        finally { ServingThread.Clear(); }
    }

    [Fact]
    public void A_free_tag_does_not_run_the_hook_and_cleared_it_never_runs()
    {
        var runs = 0;
        var table = new RequestSlotTable(depth: 2);
        try
        {
            ServingThread.OnBlocking(() => runs++);
            var slot = table.Acquire(this);
            table.Release(slot);
            Assert.Equal(0, runs);
            ServingThread.Clear();
            new SimClock { RealDelays = true }.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, runs);
        }
        finally { ServingThread.Clear(); }
    }
}
