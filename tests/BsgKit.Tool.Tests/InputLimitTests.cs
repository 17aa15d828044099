namespace BsgKit.Tool.Tests;

/// <summary>
/// Inputs a user hands bsgkit are read with limits: /dev/zero behind --stdin, @FILE or --simulate is one usage
/// error (exit 2), after at most a bounded read, never gigabytes or a hang.
/// </summary>
public class InputLimitTests
{
    private const long ReadBound = 64L << 20; // far above every limit, far below "gigabytes"

    [Fact]
    public async Task Stdin_from_dev_zero_is_one_usage_error()
    {
        using var zero = File.OpenRead("/dev/zero");
        var r = await CliRun.SimAsync(["ns", "gpn-id", "--stdin"], new StreamReader(zero)).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(r.Code == 2, r.ToString());
        Assert.Equal("bsgkit: --stdin: line 1 holds a NUL byte: the input is binary, not one argument per line", Assert.Single(r.ErrLines));
        Assert.True(zero.Position < ReadBound, $"read {zero.Position} bytes");
    }

    [Fact]
    public async Task A_stdin_line_longer_than_the_limit_is_one_usage_error()
    {
        var r = await CliRun.SimAsync(["ns", "gpn-id", "--stdin"], new StringReader("0x010a00\n" + new string('1', 5000) + "\n"));
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("--stdin: line 2 is longer than 1024 characters", Assert.Single(r.ErrLines));
    }

    [Fact]
    public async Task Dout_from_dev_zero_is_one_usage_error_naming_the_limit()
    {
        var r = await CliRun.SimAsync("raw", "--msgcode", "ct", "--dout", "@/dev/zero").WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(r.Code == 2, r.ToString());
        Assert.Equal("bsgkit: --dout '@/dev/zero': larger than 16 MiB, the most one request can carry", Assert.Single(r.ErrLines));
    }

    [Fact]
    public async Task Simulate_dev_zero_is_one_usage_error()
    {
        var r = await CliRun.RunAsync("--simulate", "/dev/zero", "ns", "gpn-id", "0x010a00").WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("/dev/zero: not a scenario file: it holds binary data", Assert.Single(r.ErrLines));
    }

    [Fact]
    public async Task A_scenario_file_over_the_limit_is_refused_after_a_bounded_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bsgkit-huge-{Guid.NewGuid():N}.json");
        try
        {
            using (var f = File.Create(path)) f.SetLength(200L << 20); // sparse: 200 MiB of … zeros; make them spaces
            using (var f = File.OpenWrite(path))
            {
                var spaces = new byte[1 << 20];
                Array.Fill(spaces, (byte)' ');
                for (var i = 0; i < 200; i++) f.Write(spaces);
            }
            var r = await CliRun.RunAsync("--simulate", path, "ns", "gpn-id", "0x010a00");
            Assert.True(r.Code == 2, r.ToString());
            Assert.Contains("larger than 64 MiB (ScenarioLimits.MaxFileBytes)", Assert.Single(r.ErrLines));
        }
        finally { File.Delete(path); }
    }
}
