using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;

namespace BsgKit.Fc.Tests.Support;

/// <summary>A fake transport wired to a fake fabric, and clients opened over it.</summary>
public sealed class Rig
{
    public FakeFabric Fabric { get; }
    public FakeFcTransport Transport { get; }
    public ReplyStyle Style { get; set; }
    /// <summary>ELS answers (payload → answer); LS_ACC with 24 zero bytes of LESB by default.</summary>
    public Func<SentRequest, FakeAnswer> Els { get; set; }

    public Rig(FakeFabric? fabric = null, ReplyStyle style = ReplyStyle.Honest)
    {
        Fabric = fabric ?? FakeFabric.WithPorts(3);
        Style = style;
        Els = static _ => FakeAnswer.Of([0x02, 0, 0, 0, .. new byte[24]]);
        Transport = new FakeFcTransport(Dispatch);
    }

    private FakeAnswer Dispatch(SentRequest r)
    {
        var code = BitConverter.ToUInt32(r.Request, 0);
        return code is 0x80000004 or 0x40000002
            ? FakeAnswer.Of(Fabric.Answer(r.Dout, r.DinLength), Style)
            : Els(r);
    }

    public static FcCatalogSnapshot Catalog(string driver) =>
        FakeFcTransport.Catalog(driver, true, ("rport-1:0-0", 0xFFFFFC), ("rport-1:0-1", 0x010203), ("rport-1:0-2", 0xFFFFFA));

    public FcHostClient Host(string driver, FcClientOptions? options = null) =>
        FcHostClient.Open(Catalog(driver), 1, (options ?? new FcClientOptions()) with { Transport = Transport });
}
