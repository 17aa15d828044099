using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>What is plugged into one switch port.</summary>
public sealed class SimSwitchPort
{
    internal SimSwitchPort(SimSwitch owner, int index, Wwn name)
    {
        Owner = owner;
        Index = index;
        Name = name;
    }

    /// <summary>The switch the port belongs to.</summary>
    public SimSwitch Owner { get; }
    /// <summary>The port index (the area byte of attached N_Ports).</summary>
    public int Index { get; }
    /// <summary>The port's WWN (fabric port name of the N_Ports behind it).</summary>
    public Wwn Name { get; }
    /// <summary>The far end when this port is an E_Port.</summary>
    public SimSwitchPort? IslPeer { get; internal set; }
    /// <summary>N_Ports logged in through this port (several with NPIV), by ALPA/port byte.</summary>
    internal List<SimNPort> Attached { get; } = new(1);

    /// <summary>E_Port with an ISL, F_Port with N_Ports, otherwise unidentified (empty).</summary>
    public byte PortType => IslPeer is not null ? PortTypes.EPort : Attached.Count > 0 ? PortTypes.FPort : PortTypes.Unidentified;

    /// <summary>The port is up (an attached N_Port or an ISL).</summary>
    public bool IsOnline
    {
        get
        {
            if (IslPeer is not null) return true;
            foreach (var n in Attached)
                if (n.Online && !n.IsSwitchPort) return true;
            return false;
        }
    }
}

/// <summary>A switch (one domain) and its ports.</summary>
public sealed class SimSwitch
{
    internal SimSwitch(SwitchSpec spec)
    {
        Domain = spec.Domain;
        Name = Wwn.Parse(spec.Wwn);
        LogicalName = spec.Name ?? $"sw{spec.Domain}";
        Vendor = spec.Vendor ?? SimSwitchDefaults.Vendor;
        Model = spec.Model ?? SimSwitchDefaults.Model;
        FirmwareVersion = spec.FirmwareVersion ?? SimSwitchDefaults.Firmware;
        IpAddress = spec.IpAddress;
        var ports = new SimSwitchPort[Math.Max(0, spec.Ports)];
        for (var i = 0; i < ports.Length; i++) ports[i] = new SimSwitchPort(this, i, PortWwn(Name, i));
        Ports = ports;
    }

    /// <summary>Domain ID.</summary>
    public int Domain { get; }
    /// <summary>Switch WWN (interconnect element name).</summary>
    public Wwn Name { get; }
    /// <summary>Interconnect element logical name (GIELN).</summary>
    public string LogicalName { get; }
    /// <summary>Vendor (GIEIL).</summary>
    public string Vendor { get; }
    /// <summary>Model (GIEIL).</summary>
    public string Model { get; }
    /// <summary>Firmware version (GIEIL).</summary>
    public string FirmwareVersion { get; }
    /// <summary>Management address (GMAL), or null.</summary>
    public string? IpAddress { get; }
    /// <summary>The switch ports, by index.</summary>
    public IReadOnlyList<SimSwitchPort> Ports { get; }

    /// <summary>The domain controller address 0xFFFCdd.</summary>
    public FcId DomainController => new(0xFFFC00u | (uint)Domain);

    /// <summary>Switch port WWNs follow the common NAA 2 scheme: 2p:pp:(low 48 bits of the switch WWN).</summary>
    internal static Wwn PortWwn(Wwn switchName, int port) =>
        new(0x2000_0000_0000_0000UL | ((ulong)(port & 0xFFF) << 48) | (switchName.Value & 0xFFFF_FFFF_FFFFUL));
}

/// <summary>What a switch reports when its scenario entry leaves vendor, model or firmware out.</summary>
public static class SimSwitchDefaults
{
    /// <summary>Vendor, model and firmware of a switch the scenario does not describe.</summary>
    public const string Vendor = "BSGKIT", Model = "SIM-SWITCH", Firmware = "v9.1.1";
}
