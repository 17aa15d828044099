using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Fabric;

/// <summary>
/// The libfc host port's ELS answers byte for byte as the kernel lane saw them (Debian 6.12), now written through the
/// Fc codecs: these bytes are the ones the hand-written encoder produced.
/// </summary>
public sealed class LibfcElsResponderTests
{
    private static readonly FcId Id = new(0x010203);
    private static readonly Wwn PortName = new(0x1000_0000_C9A0_0001), NodeName = new(0x2000_0000_C9A0_0001);

    private static SimNPort Port()
    {
        var port = new SimNPort(Id, PortName, NodeName, 1, 2, new Wwn(0x2001_0000_0000_0001));
        port.SetLesb(new LesbSpec { LinkFailure = 1, LossOfSync = 2, LossOfSignal = 3, PrimitiveSequenceError = 4, InvalidTransmissionWord = 5, InvalidCrc = 6 });
        return port;
    }

    private static byte[] Answer(byte[] request, bool loggedIn = true, uint fabricRaTov = 0)
    {
        var port = Port();
        var response = new byte[256];
        response.AsSpan().Fill(0xEE); // stale bytes must not leak into the answer
        var n = LibfcElsResponder.Respond(port, loggedIn ? port : null, request, response, fabricRaTov);
        return response[..n];
    }

    private static readonly byte[] Names = [0x10, 0, 0, 0, 0xC9, 0xA0, 0, 0x01, 0x20, 0, 0, 0, 0xC9, 0xA0, 0, 0x01];

    [Fact]
    public void Rnid_answers_common_data_only_in_28_bytes() =>
        Assert.Equal([ElsCommands.LsAcc, 0, 0, 0, 0x00, 16, 0, 0, .. Names, 0, 0, 0, 0], Answer([ElsCommands.Rnid, 0, 0, 0, 0xDF, 0, 0, 0]));

    [Fact]
    public void Adisc_answers_names_and_port_id_without_a_hard_address() =>
        Assert.Equal([ElsCommands.LsAcc, 0, 0, 0, 0, 0, 0, 0, .. Names, 0, 0x01, 0x02, 0x03], Answer([ElsCommands.Adisc, .. new byte[27]]));

    [Fact]
    public void Rls_answers_the_lesb_words_in_order() =>
        Assert.Equal([ElsCommands.LsAcc, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 6],
            Answer([ElsCommands.Rls, 0, 0, 0, 0, 0x01, 0x02, 0x03]));

    [Fact]
    public void Rtv_answers_the_larger_r_a_tov_and_e_d_tov() =>
        Assert.Equal([ElsCommands.LsAcc, 0, 0, 0, 0, 0, 0x27, 0x10, 0, 0, 0x07, 0xD0, 0, 0, 0, 0], Answer([ElsCommands.Rtv, 0, 0, 0], fabricRaTov: 10_000));

    [Fact]
    public void Adisc_and_rls_need_a_logged_in_sender()
    {
        Assert.Equal(ElsCommands.LsRjt, Answer([ElsCommands.Rls, 0, 0, 0, 0, 0x01, 0x02, 0x03], loggedIn: false)[0]);
        Assert.Equal(ElsCommands.LsRjt, Answer([ElsCommands.Adisc, .. new byte[27]], loggedIn: false)[0]);
    }
}
