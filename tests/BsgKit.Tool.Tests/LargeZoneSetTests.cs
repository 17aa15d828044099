using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>
/// big's active zone set (157 zones, 10,314 members) does not fit the first 64 KiB GAZS buffer: the zone server cuts
/// it with a CT residual and the client asks once more with room for the rest (it used to fail as malformed).
/// </summary>
public class LargeZoneSetTests
{
    [Theory]
    [InlineData("host1")]
    [InlineData("host2")]
    public async Task The_whole_active_zone_set_of_big_comes_back(string host)
    {
        var r = await CliRun.RunAsync("--simulate", "big", "-H", host, "-vv", "zone", "active", "-o", "json");
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        var zones = r.Json.GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(157, zones.Count);
        Assert.Equal(10_314, zones.Sum(z => z.GetProperty("members").GetArrayLength()));
        // Two GAZS exchanges: the cut one (with its residual) and the one with room for everything.
        Assert.Contains("truncated", r.Err);
        Assert.Equal(2, r.ErrLines.Count(l => l.Contains("debug: GAZS to", StringComparison.Ordinal)));
    }
}
