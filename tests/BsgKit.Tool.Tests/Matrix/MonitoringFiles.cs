namespace BsgKit.Tool.Tests.Matrix;

/// <summary>Files the monitoring cells of the matrix read or write: a discover snapshot, and one fresh check state path per use.</summary>
internal static class MonitoringFiles
{
    private static readonly string Dir = CreateDir();

    private static string CreateDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"bsgkit-monitoring-matrix-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        return dir;
    }

    private static readonly Lazy<string> SnapshotFile = new(() =>
    {
        var path = Path.Combine(Dir, "lab.json");
        var r = CliRun.RunAsync("--simulate=lab", "discover", "--zoning", "-o", "json").GetAwaiter().GetResult();
        if (r.Code != 0) throw new InvalidOperationException($"discover for the snapshot: {r}");
        File.WriteAllText(path, r.Out);
        return path;
    });

    /// <summary>The lab's discover --zoning snapshot.</summary>
    public static string Snapshot => SnapshotFile.Value;

    /// <summary>A state file path that does not exist yet (a first run).</summary>
    public static string NewStatePath() => Path.Combine(Dir, $"state-{Guid.NewGuid():N}.json");
}
