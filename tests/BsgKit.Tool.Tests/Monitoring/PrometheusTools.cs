using System.Diagnostics;

namespace BsgKit.Tool.Tests.Monitoring;

/// <summary>
/// Debian's prometheus package (prometheus and promtool in /usr/bin; .ci/run installs it). A missing binary fails the
/// test that needs it, in CI and everywhere else: these tests never pass without having run.
/// </summary>
internal static class PrometheusTools
{
    public static string Require(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Append("/usr/bin"))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        Assert.Fail($"{name} is not installed: apt-get install prometheus (Debian's package ships prometheus and promtool; .ci/run installs it)");
        return "";
    }

    /// <summary>Runs a tool to completion: exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string file, IEnumerable<string> args, string? stdin = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary>The repository root (where contrib/ and docs/ are), found upwards from the test assembly.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BsgKit.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("BsgKit.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
