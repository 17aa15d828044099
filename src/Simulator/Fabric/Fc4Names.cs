using BsgKit.Fc.Codes;

namespace BsgKit.Simulator.Fabric;

/// <summary>Scenario FC-4 type names ("FCP", "NVMe", "IP", "FC-SB") and roles → wire codes.</summary>
internal static class Fc4Names
{
    public static bool IsKnown(string name) => Fc4Types.TryParseName(name, out _);

    public static byte TypeCode(string name) => Fc4Types.TryParseName(name, out var code)
        ? code
        : throw new ArgumentException($"unknown FC-4 type '{name}' ({Fc4Types.AliasSummary})");

    /// <summary>FC-SB (FICON) registers both channel and control-unit types, which is what zfcp_show tests.</summary>
    public static Fc4TypeSet TypeSet(IReadOnlyList<string> names)
    {
        var codes = new List<byte>(names.Count + 1);
        foreach (var n in names)
        {
            var code = TypeCode(n);
            codes.Add(code);
            if (code == Fc4Types.SbChannel) codes.Add(Fc4Types.SbControlUnit);
        }
        return Fc4TypeSet.Of([.. codes]);
    }

    /// <summary>FC-4 feature nibble for the roles: target 0x1, initiator 0x2 (fc_fcp.h FCP_FEAT_*).</summary>
    public static byte RoleFeatures(IReadOnlyList<string> roles)
    {
        byte f = 0;
        foreach (var r in roles)
        {
            if (r.Contains("target", StringComparison.OrdinalIgnoreCase)) f |= Fc4Features.FcpTarget;
            if (r.Contains("initiator", StringComparison.OrdinalIgnoreCase)) f |= Fc4Features.FcpInitiator;
        }
        return f;
    }

    /// <summary>Features for every registered type (FCP and NVMe carry the same target/initiator bits).</summary>
    public static Fc4FeatureSet FeatureSet(Fc4TypeSet types, byte features)
    {
        var entries = new List<(byte, byte)>(2);
        if (features != 0)
            foreach (var t in types.Types)
                if (t is Fc4Types.Fcp or Fc4Types.Nvme) entries.Add((t, features));
        return Fc4FeatureSet.Of([.. entries]);
    }

    /// <summary>Returns <paramref name="set"/> with the features nibble of <paramref name="type"/> replaced.</summary>
    public static Fc4FeatureSet WithFeature(Fc4FeatureSet set, byte type, byte features)
    {
        Span<byte> bytes = stackalloc byte[Fc4FeatureSet.Size];
        set.Write(bytes);
        var (offset, shift) = Fc4FeatureSet.Locate(type);
        bytes[offset] = (byte)((bytes[offset] & ~(0xF << shift)) | ((features & 0xF) << shift));
        return Fc4FeatureSet.Read(bytes);
    }

    /// <summary>sysfs rport roles ("FCP Target", "NVMe Initiator" …) from FC-4 types and features.</summary>
    public static IReadOnlyList<string> SysfsRoles(Fc4TypeSet types, Fc4FeatureSet features)
    {
        var roles = new List<string>(2);
        if (types.Contains(Fc4Types.Fcp))
        {
            var f = features.FeaturesOf(Fc4Types.Fcp);
            if ((f & Fc4Features.FcpTarget) != 0) roles.Add("FCP Target");
            if ((f & Fc4Features.FcpInitiator) != 0) roles.Add("FCP Initiator");
        }
        if (types.Contains(Fc4Types.Nvme))
        {
            var f = features.FeaturesOf(Fc4Types.Nvme);
            if ((f & Fc4Features.FcpTarget) != 0) roles.Add("NVMe Target");
            if ((f & Fc4Features.FcpInitiator) != 0) roles.Add("NVMe Initiator");
        }
        if (types.Contains(Fc4Types.Ip)) roles.Add("IP Port");
        return roles;
    }
}
