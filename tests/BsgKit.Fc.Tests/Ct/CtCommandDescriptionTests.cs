using System.Reflection;
using BsgKit.Bsg.Codes;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Ct.ZoneServer;
using BsgKit.Fc.Tests.Support;

namespace BsgKit.Fc.Tests.Ct;

/// <summary>
/// Every CT codec describes itself (<see cref="ICtCommand{TArg,TResult}"/>) in agreement with its server's code
/// table, and the typed client methods, now one generic path, send exactly the bytes the codec builds.
/// </summary>
public class CtCommandDescriptionTests
{
    private static readonly FcId Port = new(0x010203);
    private static readonly Wwn Name = new(0x21000024FF010203);

    /// <summary>Every type in BsgKit.Fc that implements the CT command interface.</summary>
    private static IEnumerable<Type> CommandTypes() => typeof(ICtMessage).Assembly.GetTypes()
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICtCommand<,>)));

    public static TheoryData<string> CommandNames() => new(CommandTypes().Select(t => t.Name));

    private static (CtServer Server, ushort Code, string Name) Describe<T>() where T : ICtMessage => (T.Server, T.CommandCode, T.Name);

    private static (CtServer Server, ushort Code, string Name) Describe(Type t) =>
        ((CtServer, ushort, string))typeof(CtCommandDescriptionTests).GetMethod(nameof(Describe), 1, BindingFlags.NonPublic | BindingFlags.Static, null, [], null)!
            .MakeGenericMethod(t).Invoke(null, null)!;

    private static CodeTable TableOf(CtServer server) =>
        server == CtServer.NameServer ? GsNameServerCommands.Table
        : server == CtServer.FabricConfiguration ? GsConfigServerCommands.Table
        : server == CtServer.Fdmi ? GsFdmiCodes.Commands
        : server == CtServer.ZoneServer ? GsZoneServerCommands.Table
        : throw new InvalidOperationException($"no command table for {server}");

    [Fact]
    public void Every_codec_of_the_four_servers_is_a_command()
    {
        // 27 name server, 16 configuration server, 10 FDMI, 7 zone server codecs.
        Assert.Equal(55, CommandTypes().Count());
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Description_matches_the_code_table(string command)
    {
        var type = CommandTypes().Single(t => t.Name == command);
        var (server, code, name) = Describe(type);
        var table = TableOf(server);
        Assert.Equal(table.Find(code), name);
        Assert.Equal(GsTypes.CommandName(server.GsType, server.GsSubtype, code), name);
        // The interface's code is the codec's own constant, and the codec's class is named after the table entry.
        Assert.Equal(code, (ushort)type.GetField("Command")!.GetValue(null)!);
        Assert.Equal(name.Replace("_", ""), type.Name, ignoreCase: true);
        Assert.True(type.IsSealed && type.GetConstructors().Length == 0, "a codec is a sealed class with no public constructor");
    }

    private static readonly IReadOnlyList<FdmiAttribute> Attributes = [FdmiAttribute.FromText(FdmiAttributeScope.Port, 6, "host")];
    private static readonly FdmiHbaRegistration Hba = new(Name, [Name], [FdmiAttribute.FromText(FdmiAttributeScope.Hba, 2, "vendor")]);

    /// <summary>One typed client call per codec, and what the codec itself builds for the same argument: with its own
    /// default response size (what the client asked before it was generic), or, for list responses clipped per driver
    /// and the zone-set queries, with the size that was sent.</summary>
    private static readonly Dictionary<string, (Func<FcHostClient, Task> Send, Func<byte[], int, int> Build)> Sends = new()
    {
        ["GaNxt"] = (c => c.GaNxtAsync(Port).AsTask(), (b, _) => GaNxt.BuildRequest(b, Port)),
        ["GpnId"] = (c => c.GpnIdAsync(Port).AsTask(), (b, _) => GpnId.BuildRequest(b, Port)),
        ["GnnId"] = (c => c.GnnIdAsync(Port).AsTask(), (b, _) => GnnId.BuildRequest(b, Port)),
        ["GcsId"] = (c => c.GcsIdAsync(Port).AsTask(), (b, _) => GcsId.BuildRequest(b, Port)),
        ["GftId"] = (c => c.GftIdAsync(Port).AsTask(), (b, _) => GftId.BuildRequest(b, Port)),
        ["GspnId"] = (c => c.GspnIdAsync(Port).AsTask(), (b, _) => GspnId.BuildRequest(b, Port)),
        ["GptId"] = (c => c.GptIdAsync(Port).AsTask(), (b, _) => GptId.BuildRequest(b, Port)),
        ["GfpnId"] = (c => c.GfpnIdAsync(Port).AsTask(), (b, _) => GfpnId.BuildRequest(b, Port)),
        ["GffId"] = (c => c.GffIdAsync(Port).AsTask(), (b, _) => GffId.BuildRequest(b, Port)),
        ["GidPn"] = (c => c.GidPnAsync(Name).AsTask(), (b, _) => GidPn.BuildRequest(b, Name)),
        ["GidNn"] = (c => c.GidNnAsync(Name).AsTask(), (b, m) => GidNn.BuildRequest(b, Name, m)),
        ["GsnnNn"] = (c => c.GsnnNnAsync(Name).AsTask(), (b, _) => GsnnNn.BuildRequest(b, Name)),
        ["GidFt"] = (c => c.GidFtAsync(new NsFc4TypeScope(8)).AsTask(), (b, m) => GidFt.BuildRequest(b, new NsFc4TypeScope(8), m)),
        ["GpnFt"] = (c => c.GpnFtAsync(new NsFc4TypeScope(8, 1)).AsTask(), (b, m) => GpnFt.BuildRequest(b, new NsFc4TypeScope(8, 1), m)),
        ["GnnFt"] = (c => c.GnnFtAsync(new NsFc4TypeScope(8)).AsTask(), (b, m) => GnnFt.BuildRequest(b, new NsFc4TypeScope(8), m)),
        ["GidPt"] = (c => c.GidPtAsync(new NsPortTypeScope(1)).AsTask(), (b, m) => GidPt.BuildRequest(b, new NsPortTypeScope(1), m)),
        ["GidFf"] = (c => c.GidFfAsync(new NsFc4FeatureScope(8, 2)).AsTask(), (b, m) => GidFf.BuildRequest(b, new NsFc4FeatureScope(8, 2), m)),
        ["RpnId"] = (c => c.RpnIdAsync(Port, Name).AsTask(), (b, _) => RpnId.BuildRequest(b, Port, Name)),
        ["RnnId"] = (c => c.RnnIdAsync(Port, Name).AsTask(), (b, _) => RnnId.BuildRequest(b, Port, Name)),
        ["RftId"] = (c => c.RftIdAsync(Port, Fc4TypeSet.Of(8)).AsTask(), (b, _) => RftId.BuildRequest(b, Port, Fc4TypeSet.Of(8))),
        ["RffId"] = (c => c.RffIdAsync(Port, 8, 2).AsTask(), (b, _) => RffId.BuildRequest(b, Port, 8, 2)),
        ["RspnId"] = (c => c.RspnIdAsync(Port, "port name").AsTask(), (b, _) => RspnId.BuildRequest(b, Port, "port name")),
        ["RsnnNn"] = (c => c.RsnnNnAsync(Name, "node name").AsTask(), (b, _) => RsnnNn.BuildRequest(b, Name, "node name")),
        ["DaId"] = (c => c.DaIdAsync(Port).AsTask(), (b, _) => DaId.BuildRequest(b, Port)),
        ["Gtin"] = (c => c.GtinAsync().AsTask(), (b, _) => Gtin.BuildRequest(b)),
        ["Giel"] = (c => c.GielAsync().AsTask(), (b, _) => Giel.BuildRequest(b)),
        ["Giet"] = (c => c.GietAsync(Name).AsTask(), (b, _) => Giet.BuildRequest(b, Name)),
        ["Gdid"] = (c => c.GdidAsync(Name).AsTask(), (b, _) => Gdid.BuildRequest(b, Name)),
        ["Gmid"] = (c => c.GmidAsync(Name).AsTask(), (b, _) => Gmid.BuildRequest(b, Name)),
        ["Gfn"] = (c => c.GfnAsync(Name).AsTask(), (b, _) => Gfn.BuildRequest(b, Name)),
        ["Gieln"] = (c => c.GielnAsync(Name).AsTask(), (b, _) => Gieln.BuildRequest(b, Name)),
        ["Gmal"] = (c => c.GmalAsync(Name).AsTask(), (b, _) => Gmal.BuildRequest(b, Name)),
        ["Gieil"] = (c => c.GieilAsync(Name).AsTask(), (b, _) => Gieil.BuildRequest(b, Name)),
        ["Gpl"] = (c => c.GplAsync(Name).AsTask(), (b, _) => Gpl.BuildRequest(b, Name)),
        ["Gpt"] = (c => c.GptAsync(Name).AsTask(), (b, _) => Gpt.BuildRequest(b, Name)),
        ["Gppn"] = (c => c.GppnAsync(Name).AsTask(), (b, _) => Gppn.BuildRequest(b, Name)),
        ["Gapnl"] = (c => c.GapnlAsync(Name).AsTask(), (b, _) => Gapnl.BuildRequest(b, Name)),
        ["Gps"] = (c => c.GpsAsync(Name).AsTask(), (b, _) => Gps.BuildRequest(b, Name)),
        ["Gpsc"] = (c => c.GpscAsync(Name).AsTask(), (b, _) => Gpsc.BuildRequest(b, Name)),
        ["Fpng"] = (c => c.FpngAsync(Name, 7).AsTask(), (b, _) => Fpng.BuildRequest(b, Name, 7)),
        ["Fpng by port ID"] = (c => c.FpngAsync(Port, 7).AsTask(), (b, _) => Fpng.BuildRequest(b, Port, 7)),
        ["Grhl"] = (c => c.GrhlAsync().AsTask(), (b, _) => Grhl.BuildRequest(b)),
        ["Ghat"] = (c => c.GhatAsync(Name).AsTask(), (b, _) => Ghat.BuildRequest(b, Name)),
        ["Grpl"] = (c => c.GrplAsync(Name).AsTask(), (b, _) => Grpl.BuildRequest(b, Name)),
        ["Gpat"] = (c => c.GpatAsync(Name).AsTask(), (b, _) => Gpat.BuildRequest(b, Name)),
        ["Rhba"] = (c => c.RhbaAsync(Hba).AsTask(), (b, _) => Rhba.BuildRequest(b, Hba)),
        ["Rpa"] = (c => c.RpaAsync(Name, Attributes).AsTask(), (b, _) => Rpa.BuildRequest(b, Name, Attributes)),
        ["Dhba"] = (c => c.DhbaAsync(Name).AsTask(), (b, _) => Dhba.BuildRequest(b, Name)),
        ["Dprt"] = (c => c.DprtAsync(Name).AsTask(), (b, _) => Dprt.BuildRequest(b, Name)),
        ["Gzc"] = (c => c.GzcAsync().AsTask(), (b, _) => Gzc.BuildRequest(b)),
        ["Gest"] = (c => c.GestAsync().AsTask(), (b, _) => Gest.BuildRequest(b)),
        ["Gzsn"] = (c => c.GzsnAsync().AsTask(), (b, _) => Gzsn.BuildRequest(b)),
        ["Gzd"] = (c => c.GzdAsync("set").AsTask(), (b, _) => Gzd.BuildRequest(b, "set")),
        ["Gzm"] = (c => c.GzmAsync("zone").AsTask(), (b, _) => Gzm.BuildRequest(b, "zone")),
        ["Gazs"] = (c => c.GazsAsync(Gazs.DefaultMaxResponseBytes).AsTask(), (b, m) => Gazs.BuildRequest(b, m)),
        ["Gzs"] = (c => c.GzsAsync("set", Gzs.DefaultMaxResponseBytes).AsTask(), (b, m) => Gzs.BuildRequest(b, "set", m)),
    };

    public static TheoryData<string, string> SendCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var driver in new[] { "lpfc", "qla2xxx" })
            foreach (var key in Sends.Keys) data.Add(key, driver);
        return data;
    }

    [Fact]
    public void Every_command_has_a_send_case() =>
        Assert.Empty(CommandTypes().Select(t => t.Name).Except(Sends.Keys));

    [Theory]
    [MemberData(nameof(SendCases))]
    public async Task Typed_method_sends_the_codecs_bytes(string command, string driver)
    {
        var rig = new Rig();
        using var host = rig.Host(driver, new FcClientOptions { AllowStateChanges = true });
        var (send, build) = Sends[command];
        try
        {
            await send(host);
        }
        catch (FcException)
        {
            // The fake fabric may reject or not know the command; only what was sent matters here.
        }
        var sent = Assert.Single(rig.Transport.SentList);
        var expected = new byte[8192];
        var length = build(expected, sent.DinLength);
        Assert.Equal(Convert.ToHexString(expected, 0, length), Convert.ToHexString(sent.Dout));
    }
}
