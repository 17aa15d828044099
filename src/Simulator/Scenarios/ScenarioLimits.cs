namespace BsgKit.Simulator.Scenarios;

/// <summary>
/// How much a scenario may make, so a typo or a hostile file is one clear error instead of a full /dev/shm or an
/// out-of-memory: the generated sysfs tree (files and bytes), the N_Ports a generator makes, the device images.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Files (and directories) in the generated /sys and /dev tree: about 4 GiB of tmpfs at one page each.</summary>
    public const long MaxTreeFiles = 1_000_000;

    /// <summary>Bytes the tree may take (tmpfs gives each small file a page).</summary>
    public const long MaxTreeBytes = MaxTreeFiles * TreePageBytes;

    /// <summary>What tmpfs charges for one small file.</summary>
    public const long TreePageBytes = 4096;

    /// <summary>Tree entries per FC host (scsi_host, fc_host with statistics, bsg node), rounded up.</summary>
    public const int TreeFilesPerHost = 90;

    /// <summary>Tree entries per remote port (its attributes, bsg node, /dev node, and a LUN's nodes for a target).</summary>
    public const int TreeFilesPerRemotePort = 17;

    /// <summary>
    /// N_Ports `sim generate` makes at most: about 42 MB of JSON, generated in a few seconds. Whether a machine can
    /// simulate it is the tree budget's question (two hosts seeing 100,000 ports need 3.4 million files: refused with
    /// the limit named, before anything is written).
    /// </summary>
    public const int MaxGeneratedNPorts = 100_000;

    /// <summary>All device images (flash, NVRAM, ACB) of all iSCSI hosts together; each is allocated only as it is written.</summary>
    public const long MaxImageBytes = 4L << 30;

    /// <summary>The largest scenario file read (a 10,000-port fabric is about 4 MB of JSON).</summary>
    public const int MaxFileBytes = 64 << 20;
}
