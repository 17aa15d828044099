using System.Globalization;
using BsgKit.Bsg.Catalog;

namespace BsgKit.Fc.Catalog;

/// <summary>
/// The FC transport class's typed attributes: scsi_transport_fc prints names as 0x%llx (port_name, node_name,
/// fabric_name) and port IDs as 0x%06x (port_id); docs/reference/sysfs.md §4–§5. Bad values become null plus a problem line.
/// </summary>
internal static class FcSysfsAttributes
{
    /// <summary>A WWN attribute ("0x10000090fa8c0a01").</summary>
    public static Wwn? ReadWwn(this SysfsAttributes a, string attribute, bool required = true) =>
        a.Hex64(attribute, required) is ulong v ? new Wwn(v) : null;

    /// <summary>A port ID attribute ("0x010a00"); a value above 24 bits is malformed.</summary>
    public static FcId? ReadFcId(this SysfsAttributes a, string attribute, bool required = true)
    {
        var s = a.Text(attribute, required);
        if (s == null) return null;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            && v <= FcId.MaxValue)
            return new FcId(v);
        a.Malformed(attribute, s, "a 24-bit FC ID (0x%06x)");
        return null;
    }
}
