using System.Globalization;

namespace BsgKit.Bsg.Catalog;

/// <summary>
/// One entry of /sys/class/bsg. <see cref="DevicePath"/> is /dev/bsg/NAME when it exists, otherwise
/// /dev/char/MAJ:MIN when that exists, otherwise null (then <see cref="DeviceNumber"/> says what to mknod).
/// </summary>
public sealed record BsgNode(string Name, BsgNodeKind Kind, string? DevicePath, string? DeviceNumber)
{
    /// <summary>SCSI host number for fc_hostN, iscsi_hostN, rport-H:C-N and H:C:T:L nodes.</summary>
    public int? HostNumber { get; init; }
    /// <summary>The channel C of rport-H:C-N and H:C:T:L nodes.</summary>
    public int? Channel { get; init; }
    /// <summary>The rport number N of rport-H:C-N, or the target T of H:C:T:L.</summary>
    public int? Number { get; init; }
    /// <summary>The LUN L of an H:C:T:L node.</summary>
    public ulong? Lun { get; init; }

    /// <summary>Why <see cref="DevicePath"/> is null, in words a person can act on.</summary>
    public string? Note { get; init; }

    /// <summary>Classifies a node by name; numbers that do not fit an int make it Unknown.</summary>
    public static BsgNode Classify(string name, string? devicePath, string? deviceNumber) => Classify(name, devicePath, deviceNumber, null);

    /// <summary>
    /// <see cref="Classify(string, string, string)"/> with its <see cref="Note"/>, parsed by hand: a big fabric's catalog
    /// classifies tens of thousands of names (the regular expressions it replaces allocated a match per name). The names
    /// are fc_hostN, iscsi_hostN, rport-H:C-N and H:C:T:L, ASCII digits, a single trailing newline tolerated as `$` did.
    /// </summary>
    internal static BsgNode Classify(string name, string? devicePath, string? deviceNumber, string? note)
    {
        var s = name.AsSpan();
        if (s.EndsWith('\n')) s = s[..^1];
        if (s.StartsWith("fc_host") && ParseNumber(s[7..], out var h))
            return new BsgNode(name, BsgNodeKind.FcHost, devicePath, deviceNumber) { HostNumber = h, Note = note };
        if (s.StartsWith("iscsi_host") && ParseNumber(s[10..], out h))
            return new BsgNode(name, BsgNodeKind.IscsiHost, devicePath, deviceNumber) { HostNumber = h, Note = note };
        if (s.StartsWith("rport-") && Split(s[6..], ':', out var host, out var rest) && Split(rest, '-', out var channel, out var number)
            && ParseNumber(host, out h) && ParseNumber(channel, out var c) && ParseNumber(number, out var n))
            return new BsgNode(name, BsgNodeKind.FcRemotePort, devicePath, deviceNumber) { HostNumber = h, Channel = c, Number = n, Note = note };
        if (Split(s, ':', out host, out rest) && Split(rest, ':', out channel, out rest) && Split(rest, ':', out var target, out var lunText)
            && ParseNumber(host, out h) && ParseNumber(channel, out c) && ParseNumber(target, out var t) && AllDigits(lunText)
            && ulong.TryParse(lunText, NumberStyles.None, CultureInfo.InvariantCulture, out var lun))
            return new BsgNode(name, BsgNodeKind.ScsiDevice, devicePath, deviceNumber) { HostNumber = h, Channel = c, Number = t, Lun = lun, Note = note };
        return new BsgNode(name, BsgNodeKind.Unknown, devicePath, deviceNumber) { Note = note };
    }

    /// <summary>Splits at the first <paramref name="separator"/>; false when there is none.</summary>
    private static bool Split(ReadOnlySpan<char> s, char separator, out ReadOnlySpan<char> head, out ReadOnlySpan<char> tail)
    {
        var at = s.IndexOf(separator);
        head = at < 0 ? default : s[..at];
        tail = at < 0 ? default : s[(at + 1)..];
        return at >= 0;
    }

    /// <summary>One or more ASCII digits (what the old `\d+` with NumberStyles.None accepted) that fit an int.</summary>
    private static bool ParseNumber(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        return AllDigits(s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        // A plain loop: the generic span helpers box their bounds in unoptimized (tier 0) code, which is what runs at start.
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return !s.IsEmpty;
    }
}
