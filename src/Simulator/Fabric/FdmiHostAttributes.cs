using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// The HBA and port attributes a driver registers with RHBA/RPA at login, from the HostSpec with realistic
/// per-driver defaults for anything the scenario leaves out.
/// </summary>
internal static class FdmiHostAttributes
{
    private const uint MaxFrameSize = 2048;
    private const uint HbaApiPortStateOnline = 2;     // HBA_PORTSTATE_ONLINE
    private const string OsName = "Linux 6.8.0-bsgkit-sim";
    private const string HostName = "bsgkit-sim";

    private sealed record DriverDefaults(string Manufacturer, string Model, string Description, string Firmware, string DriverVersion, string Hardware, string OptionRom);

    private static DriverDefaults Defaults(string driver) => driver switch
    {
        "lpfc" => new("Emulex Corporation", "LPe32002-M2", "Emulex LPe32002-M2 2-Port 32Gb Fibre Channel Adapter", "14.2.539.16", "14.4.0.2", "0000000b", "14.2.539.16"),
        "qla2xxx" => new("QLogic Corporation", "QLE2772", "QLogic 32Gb 2-port FC to PCIe Gen4 x8 Adapter", "9.12.01 (d0d5)", "10.02.09.100-k", "PX2810403-01 D", "3.65"),
        "bfa" => new("QLogic Corporation", "QLE2862", "Brocade-1860 Fabric Adapter", "3.2.7.0", "3.2.25.1", "Rev-A", "3.2.7.0"),
        "zfcp" => new("IBM", "FICON Express32S", "IBM FICON Express32S LX", "7c3", "zfcp 6.8", "", ""),
        "ibmvfc" => new("IBM", "VFC", "IBM Virtual Fibre Channel Client", "1.0", "1.0.11", "", ""),
        "fnic" => new("Cisco Systems, Inc.", "VIC 1457", "Cisco VIC FCoE HBA", "5.2(3a)", "1.6.0.53", "", ""),
        "qedf" => new("Marvell Semiconductor Inc.", "QL41262", "QLogic FastLinQ QL41262 FCoE", "8.65.5.0", "8.42.3.0", "", ""),
        "bnx2fc" => new("Broadcom", "BCM57840", "Broadcom NetXtreme II FCoE", "7.13.x", "2.12.13", "", ""),
        _ => new("Open-FCoE", "fcoe", "Open-FCoE software initiator", "n/a", "0.1", "", ""),
    };

    public static FdmiHbaRegistration Hba(HostSpec host, Wwn portName, Wwn nodeName, Wwn fabricName, string symbolicName)
    {
        var d = Defaults(host.Driver);
        const FdmiAttributeScope H = FdmiAttributeScope.Hba;
        var attributes = new List<FdmiAttribute>
        {
            FdmiAttribute.FromWwn(H, 0x1, nodeName),
            FdmiAttribute.FromText(H, 0x2, host.Manufacturer ?? d.Manufacturer),
            FdmiAttribute.FromText(H, 0x3, host.SerialNumber ?? $"SIM{portName.Value & 0xFFFFFF:X6}"),
            FdmiAttribute.FromText(H, 0x4, host.Model ?? d.Model),
            FdmiAttribute.FromText(H, 0x5, d.Description),
        };
        if (d.Hardware.Length > 0) attributes.Add(FdmiAttribute.FromText(H, 0x6, d.Hardware));
        attributes.Add(FdmiAttribute.FromText(H, 0x7, host.DriverVersion ?? d.DriverVersion));
        if (d.OptionRom.Length > 0) attributes.Add(FdmiAttribute.FromText(H, 0x8, d.OptionRom));
        attributes.Add(FdmiAttribute.FromText(H, 0x9, host.FirmwareVersion ?? d.Firmware));
        attributes.Add(FdmiAttribute.FromText(H, 0xA, OsName));
        attributes.Add(FdmiAttribute.FromNumber(H, GsFdmiCodes.HbaMaxCtPayload, 0x2000));
        attributes.Add(FdmiAttribute.FromText(H, 0xC, symbolicName));
        attributes.Add(FdmiAttribute.FromNumber(H, 0xE, 1));
        attributes.Add(FdmiAttribute.FromWwn(H, 0xF, fabricName));
        // qla2xxx and lpfc use the WWPN of the physical port as the HBA identifier.
        return new FdmiHbaRegistration(portName, [portName], attributes);
    }

    public static IReadOnlyList<FdmiAttribute> Port(HostSpec host, FcId id, Wwn portName, Wwn nodeName, Wwn fabricName, string symbolicName)
    {
        const FdmiAttributeScope Pt = FdmiAttributeScope.Port;
        var fcp = Fc4TypeSet.Of(Fc4Types.Fcp);
        return
        [
            FdmiAttribute.FromFc4Types(Pt, 0x1, fcp),
            FdmiAttribute.FromNumber(Pt, 0x2, LinkSpeeds.HbaApiCapabilities(host.Speed, host.SupportedSpeeds)),
            FdmiAttribute.FromNumber(Pt, 0x3, LinkSpeeds.HbaApiBit(host.Speed)),
            FdmiAttribute.FromNumber(Pt, GsFdmiCodes.PortMaxFrameSize, MaxFrameSize),
            FdmiAttribute.FromText(Pt, 0x5, $"host{host.Host}"),
            FdmiAttribute.FromText(Pt, 0x6, HostName),
            FdmiAttribute.FromWwn(Pt, 0x7, nodeName),
            FdmiAttribute.FromWwn(Pt, 0x8, portName),
            FdmiAttribute.FromText(Pt, 0x9, symbolicName),
            FdmiAttribute.FromNumber(Pt, GsFdmiCodes.PortType, PortTypes.NPort),
            FdmiAttribute.FromNumber(Pt, GsFdmiCodes.PortSupportedClassOfService, ClassOfService.Class3),
            FdmiAttribute.FromWwn(Pt, 0xC, fabricName),
            FdmiAttribute.FromFc4Types(Pt, 0xD, fcp),
            FdmiAttribute.FromNumber(Pt, GsFdmiCodes.PortState, HbaApiPortStateOnline),
            FdmiAttribute.FromNumber(Pt, GsFdmiCodes.PortId, id.Value),
        ];
    }
}
