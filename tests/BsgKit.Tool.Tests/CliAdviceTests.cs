using System.Reflection;
using BsgKit.Bsg;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Clients;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>Library errors speak of library things; the CLI says the same advice with its commands and flags.</summary>
public class CliAdviceTests
{
    public static TheoryData<string, string> LibraryAdvice()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { typeof(BsgAdvice), typeof(FcAdvice), typeof(IscsiAdvice) })
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                data.Add($"{type.Name}.{f.Name}", (string)f.GetRawConstantValue()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryAdvice))]
    public void Library_advice_names_no_cli_command_and_the_cli_has_its_own_words(string name, string advice)
    {
        Assert.DoesNotContain("bsgkit", advice);
        Assert.DoesNotContain("--", advice);
        var cli = CliAdvice.Rewrite(advice);
        Assert.True(cli != advice, $"{name}: the CLI has no words for it");
        Assert.True(cli.Contains("`bsgkit ", StringComparison.Ordinal) || cli.Contains(ExitCodes.ConfirmFlag, StringComparison.Ordinal), $"{name}: {cli}");
    }

    [Fact]
    public void Library_messages_stay_library_and_the_cli_line_is_as_before()
    {
        var missing = new BsgNodeNotFoundException("/dev/bsg/fc_host9", Errno.ENOENT);
        Assert.DoesNotContain("bsgkit", missing.Message);
        Assert.Equal("open on /dev/bsg/fc_host9 failed: ENOENT (2) — no such bsg node: `bsgkit list` shows the hosts and remote ports this machine has",
            ExitCodes.Describe(missing));

        var noHost = new FcNotSupportedException("/sys/class/fc_host/host9", "host9 is not an FC host", FcAdvice.ListHosts);
        Assert.Equal("host9 is not an FC host — `bsgkit list` shows the FC hosts on this machine", ExitCodes.Describe(noHost, withHint: true));
        Assert.Equal("host9 is not an FC host", ExitCodes.Describe(noHost));

        var write = new IscsiWriteRefusedException("/dev/bsg/iscsi_host3", "UPDATE_FLASH");
        Assert.DoesNotContain("--", write.Hint);
        Assert.EndsWith("confirm explicitly (allowWrite: true, or --yes-i-mean-it on the command line)", ExitCodes.Describe(write, withHint: true));
    }
}
