using BsgKit.Bsg;
using BsgKit.Fc.Clients;

namespace BsgKit.Fc.Tests.Clients;

/// <summary>The FC meaning of errnos lives in BsgKit.Fc; the bsg layer's generic hint is the fallback.</summary>
public class FcErrnoHintsTests
{
    [Theory]
    [InlineData(Errno.EPERM, "qla2xxx")]
    [InlineData(Errno.EACCES, "lpfc")]
    [InlineData(Errno.EBUSY, "ibmvfc")]
    [InlineData(Errno.EBADR, "fc_hostN")]
    [InlineData(Errno.ECOMM, "libfc")]
    [InlineData(Errno.ENODEV, "remote port")]
    [InlineData(Errno.ENOTSUPP, "ibmvfc")]
    [InlineData(Errno.ETIMEDOUT, "fabric")]
    public void Fc_hints_name_the_fc_drivers_and_nodes(int errno, string fragment)
    {
        Assert.True(FcErrnoHints.HasFcMeaning(errno));
        Assert.Contains(fragment, FcErrnoHints.HintFor(errno));
        Assert.DoesNotContain(fragment, Errno.HintFor(errno));
    }

    [Theory]
    [InlineData(Errno.EFAULT)]
    [InlineData(Errno.ENOTTY)]
    [InlineData(9999)]
    public void Errnos_without_an_fc_meaning_get_the_generic_hint(int errno)
    {
        Assert.False(FcErrnoHints.HasFcMeaning(errno));
        Assert.Equal(Errno.HintFor(errno), FcErrnoHints.HintFor(errno));
    }
}

/// <summary>A failed exchange's exception takes its errno hint from <see cref="FcErrnoHints"/>.</summary>
public class FcErrnoHintInExceptionTests
{
    [Theory]
    [InlineData("fcoe", Errno.ECOMM, "libfc")]
    [InlineData("lpfc", Errno.ENODEV, "remote port")]
    [InlineData("lpfc", Errno.EACCES, "lpfc")]
    public async Task A_transport_error_carries_the_fc_hint(string driver, int errno, string fragment)
    {
        var rig = new Support.Rig();
        rig.Transport.Handler = _ => Support.FakeAnswer.Fail(errno);
        using var host = rig.Host(driver);

        var e = await Assert.ThrowsAsync<FcTransportException>(() => host.GpnIdAsync(new FcId(0x010100)).AsTask());

        Assert.Equal(errno, e.Errno);
        Assert.Equal(FcErrnoHints.HintFor(errno), e.Hint);
        Assert.Contains(fragment, e.Hint);
        Assert.DoesNotContain(fragment, Errno.HintFor(errno));
    }
}
