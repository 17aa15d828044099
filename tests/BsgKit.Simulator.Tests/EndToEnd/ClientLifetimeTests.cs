using BsgKit.Bsg.Buffers;
using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Simulator.Hosting;

namespace BsgKit.Simulator.Tests.EndToEnd;

/// <summary>
/// A monitoring agent opens, uses and disposes clients for months: every owner of native memory (the host node,
/// the cached rport nodes, their pooled transactions) and every descriptor must be gone after Dispose, so the
/// counters stay flat over thousands of cycles on every personality.
/// </summary>
public class ClientLifetimeTests
{
    public static TheoryData<string, int> Personalities => new()
    {
        { "lpfc", 3000 }, // CT and ELS go through rport nodes: the route that leaked
        { "libfc", 300 }, { "qla2xxx", 300 }, { "zfcp", 300 }, { "ibmvfc", 300 },
    };

    [Theory]
    [MemberData(nameof(Personalities))]
    public async Task Open_use_dispose_cycles_leave_no_native_buffer_and_no_descriptor(string personality, int cycles)
    {
        using var san = SimulatedSan.Create(personality);
        using var pool = new PinnedBufferPool();
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        var options = new FcClientOptions { Transport = san.Transport, Pool = pool };
        var host = catalog.FcHosts[0].HostNumber;
        var target = san.Scenario.NPorts[0];
        var id = new FcId((uint)(target.Domain << 16 | target.Port << 8 | target.Alpa));

        long pooledAfterWarmUp = 0;
        for (var i = 0; i < cycles; i++)
        {
            using (var client = FcHostClient.Open(catalog, host, options))
            {
                Assert.Equal(Wwn.Parse(target.Wwpn), (await client.GpnIdAsync(id)).Value); // name server
                await client.GielAsync();                                                  // management server
                await client.EchoAsync(id, new byte[] { 1, 2, 3, 4 });                     // ELS to the target
            }
            Assert.Equal(0, pool.RentedCount);   // nothing a disposed client owned is still out
            Assert.Equal(0, san.Kernel.OpenFiles); // and no node is left open
            if (i == 9) pooledAfterWarmUp = pool.PooledBytes;
        }
        Assert.Equal(pooledAfterWarmUp, pool.PooledBytes); // the pool is reused, not grown
    }

    [Fact]
    public async Task A_request_in_flight_when_the_client_is_disposed_frees_its_buffers_when_it_returns()
    {
        using var san = SimulatedSan.Create("lpfc");
        using var pool = new PinnedBufferPool();
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        var client = FcHostClient.Open(catalog, catalog.FcHosts[0].HostNumber, new FcClientOptions { Transport = san.Transport, Pool = pool });
        var target = san.Scenario.NPorts[0];
        var id = new FcId((uint)(target.Domain << 16 | target.Port << 8 | target.Alpa));
        var requests = Enumerable.Range(0, 8).Select(_ => client.GpnIdAsync(id)).ToArray();
        client.Dispose();
        foreach (var r in requests)
        {
            try { await r; }
            catch (Exception e) when (e is FcException or ObjectDisposedException) { } // closed under it: fine
        }
        Assert.Equal(0, pool.RentedCount);
        Assert.Equal(0, san.Kernel.OpenFiles);
    }
}
