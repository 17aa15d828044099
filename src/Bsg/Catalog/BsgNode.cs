using System.Globalization;
using System.Text.RegularExpressions;

namespace BsgKit.Bsg.Catalog;

/// <summary>
/// One entry of /sys/class/bsg. <see cref="DevicePath"/> is /dev/bsg/NAME when it exists, otherwise
/// /dev/char/MAJ:MIN when that exists, otherwise null (then <see cref="DeviceNumber"/> says what to mknod).
/// </summary>
public sealed partial record BsgNode(string Name, BsgNodeKind Kind, string? DevicePath, string? DeviceNumber)
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

    [GeneratedRegex(@"^fc_host(\d+)$")] private static partial Regex FcHostName();
    [GeneratedRegex(@"^iscsi_host(\d+)$")] private static partial Regex IscsiHostName();
    [GeneratedRegex(@"^rport-(\d+):(\d+)-(\d+)$")] private static partial Regex RportName();
    [GeneratedRegex(@"^(\d+):(\d+):(\d+):(\d+)$")] private static partial Regex ScsiDeviceName();

    /// <summary>Classifies a node by name; numbers that do not fit an int make it Unknown.</summary>
    public static BsgNode Classify(string name, string? devicePath, string? deviceNumber)
    {
        Match m;
        if ((m = FcHostName().Match(name)).Success && TryInt(m, 1, out var h))
            return new BsgNode(name, BsgNodeKind.FcHost, devicePath, deviceNumber) { HostNumber = h };
        if ((m = IscsiHostName().Match(name)).Success && TryInt(m, 1, out h))
            return new BsgNode(name, BsgNodeKind.IscsiHost, devicePath, deviceNumber) { HostNumber = h };
        if ((m = RportName().Match(name)).Success && TryInt(m, 1, out h) && TryInt(m, 2, out var c) && TryInt(m, 3, out var n))
            return new BsgNode(name, BsgNodeKind.FcRemotePort, devicePath, deviceNumber) { HostNumber = h, Channel = c, Number = n };
        if ((m = ScsiDeviceName().Match(name)).Success && TryInt(m, 1, out h) && TryInt(m, 2, out c) && TryInt(m, 3, out var t)
            && ulong.TryParse(m.Groups[4].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var lun))
            return new BsgNode(name, BsgNodeKind.ScsiDevice, devicePath, deviceNumber) { HostNumber = h, Channel = c, Number = t, Lun = lun };
        return new BsgNode(name, BsgNodeKind.Unknown, devicePath, deviceNumber);
    }

    private static bool TryInt(Match m, int group, out int value) =>
        int.TryParse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
