using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Simulator.Hosting;

namespace BsgKit.Simulator.Tests.EndToEnd;

/// <summary>
/// The whole request path — FC client, Bsg layer, in-process transport, fake kernel, LLD personality, fabric — allocates
/// nothing per request in steady state, and a request nobody can cancel completes on the caller's thread (no hop).
/// </summary>
public class RequestPathAllocationTests
{
    private const int Warmup = 200, Requests = 5_000;

    public static TheoryData<string> Personalities => new() { "libfc", "lpfc", "qla2xxx", "zfcp", "ibmvfc" };

    [Theory]
    [MemberData(nameof(Personalities))]
    public void Gpn_id_through_the_host_client_allocates_nothing_per_request(string personality)
    {
        using var san = SimulatedSan.Create(personality, SysfsStorage.Memory);
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        using var client = FcHostClient.Open(catalog, catalog.FcHosts[0].HostNumber, new FcClientOptions { Transport = san.Transport });
        var target = san.Scenario.NPorts[0];
        var id = new FcId((uint)(target.Domain << 16 | target.Port << 8 | target.Alpa));
        var expected = Wwn.Parse(target.Wwpn);

        for (var i = 0; i < Warmup; i++) Assert.Equal(expected, GpnId(client, id));
        var thread = Environment.CurrentManagedThreadId;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var wrong = 0;
        for (var i = 0; i < Requests; i++)
            if (GpnId(client, id) != expected) wrong++;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, wrong);
        Assert.Equal(thread, Environment.CurrentManagedThreadId);
        Assert.True(allocated == 0, $"{allocated} bytes over {Requests} GPN_ID ({(double)allocated / Requests:0.#} B per request)");
    }

    [Fact]
    public void An_uncancellable_request_completes_before_it_returns()
    {
        using var san = SimulatedSan.Create("lpfc", SysfsStorage.Memory);
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        using var client = FcHostClient.Open(catalog, catalog.FcHosts[0].HostNumber, new FcClientOptions { Transport = san.Transport });
        var target = san.Scenario.NPorts[0];
        var pending = client.GpnIdAsync(new FcId((uint)(target.Domain << 16 | target.Port << 8 | target.Alpa)));
        Assert.True(pending.IsCompletedSuccessfully); // the ioctl ran on this thread: nothing queued to the pool
        Assert.Equal(Wwn.Parse(target.Wwpn), GetCompleted(pending).Value);
    }

    /// <summary>Awaits synchronously the way a completed ValueTask is consumed: no task object, no continuation.</summary>
    private static Wwn GpnId(FcHostClient client, FcId id)
    {
        var pending = client.GpnIdAsync(id);
        if (!pending.IsCompletedSuccessfully) throw new InvalidOperationException("an uncancellable GPN_ID did not complete on the caller's thread");
        return GetCompleted(pending).Value;
    }

    /// <summary>The value of a ValueTask known to be complete (its awaiter does not block).</summary>
    private static T GetCompleted<T>(ValueTask<T> done) => done.GetAwaiter().GetResult();
}
