namespace BsgKit.Tests.Shared;

/// <summary>Builds small sysfs and /dev trees in a temporary directory for the catalog tests (linked into each test project).</summary>
internal sealed class SysfsTreeBuilder : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bsgkit-sysfs-").FullName;
    public string Sys => Path.Combine(_root, "sys");
    public string Dev => Path.Combine(_root, "dev");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public void Attr(string dir, string name, string value)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name), value + "\n");
    }

    public string Class(string cls, string entry) => Path.Combine(Sys, "class", cls, entry);

    public void BsgNode(string name, string devNumber, bool devNode = true)
    {
        Attr(Class("bsg", name), "dev", devNumber);
        if (devNode)
        {
            Directory.CreateDirectory(Path.Combine(Dev, "bsg"));
            File.WriteAllBytes(Path.Combine(Dev, "bsg", name), []);
        }
    }

    public void ProcName(int host, string driver) => Attr(Class("scsi_host", $"host{host}"), "proc_name", driver);

    public void FcHost(int n, string driver, string portName = "0x10000090fa1b2c3d", string portId = "0x010200")
    {
        var d = Class("fc_host", $"host{n}");
        Attr(d, "port_name", portName);
        Attr(d, "node_name", "0x20000090fa1b2c3d");
        Attr(d, "port_id", portId);
        Attr(d, "port_state", "Online");
        Attr(d, "speed", "16 Gbit");
        Attr(d, "fabric_name", "0x100000051e123456");
        Attr(d, "symbolic_name", "Emulex LPe16002 FV12.0 DV14.0");
        Attr(d, "maxframe_size", "2048 bytes");
        ProcName(n, driver);
    }

    public void Rport(string name, string portName, string portId, string roles, string state = "Online")
    {
        var d = Class("fc_remote_ports", name);
        Attr(d, "port_name", portName);
        Attr(d, "node_name", portName.Replace("0x2", "0x1"));
        Attr(d, "port_id", portId);
        Attr(d, "roles", roles);
        Attr(d, "port_state", state);
        Attr(d, "scsi_target_id", "-1");
    }
}
