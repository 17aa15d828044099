using BsgKit.Fc.Codes;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// Converts the sysfs speed names used by scenarios ("16 Gbit") into the two wire bit sets: FC-LS link bits
/// (RPSC, RDP, GPSC) and HBA-API bits (FDMI), both from <see cref="PortSpeeds.Generations"/>. Unknown names map
/// to "speed not established" / "not negotiated".
/// </summary>
internal static class LinkSpeeds
{
    private static IReadOnlyList<PortSpeeds.Generation> Ladder => PortSpeeds.Generations;

    public const ushort NotEstablished = PortSpeeds.LinkNotEstablished;

    public static int ParseGbit(string? speed)
    {
        if (string.IsNullOrWhiteSpace(speed)) return 0;
        var s = speed.Trim();
        var end = 0;
        while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
        return end > 0 && int.TryParse(s.AsSpan(0, end), out var g) ? g : 0;
    }

    public static ushort LinkBit(string? speed) => Find(ParseGbit(speed), out var e) ? e.Link : NotEstablished;

    public static uint HbaApiBit(string? speed) => Find(ParseGbit(speed), out var e) ? e.HbaApi : PortSpeeds.HbaApiNotNegotiated;

    /// <summary>Capabilities: the listed supported speeds, or the operating speed and the two generations below it.</summary>
    public static ushort LinkCapabilities(string? speed, string? supported)
    {
        ushort mask = 0;
        foreach (var g in SupportedGbits(speed, supported))
            if (Find(g, out var e)) mask |= e.Link;
        return mask == 0 ? NotEstablished : mask;
    }

    public static uint HbaApiCapabilities(string? speed, string? supported)
    {
        uint mask = 0;
        foreach (var g in SupportedGbits(speed, supported))
            if (Find(g, out var e)) mask |= e.HbaApi;
        return mask;
    }

    private static List<int> SupportedGbits(string? speed, string? supported)
    {
        var list = new List<int>(4);
        if (!string.IsNullOrWhiteSpace(supported))
        {
            foreach (var part in supported.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var g = ParseGbit(part);
                if (g > 0) list.Add(g);
            }
            if (list.Count > 0) return list;
        }
        var current = ParseGbit(speed);
        for (var i = 0; i < Ladder.Count; i++)
        {
            if (Ladder[i].Gbit != current) continue;
            for (var j = Math.Max(0, i - 2); j <= i; j++) list.Add(Ladder[j].Gbit);
        }
        if (list.Count == 0 && current == PortSpeeds.TenGig.Gbit) list.Add(current);
        return list;
    }

    private static bool Find(int gbit, out PortSpeeds.Generation entry)
    {
        foreach (var e in Ladder)
        {
            if (e.Gbit != gbit) continue;
            entry = e;
            return true;
        }
        entry = PortSpeeds.TenGig;
        return gbit == entry.Gbit;
    }
}
