using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;

namespace BsgKit.Fc.Tests.Ct;

/// <summary>The request path's CT_IU preamble reader: the one source of the offsets <see cref="CtIuHeader.Read"/> uses.</summary>
public class CtIuCommandReaderTests
{
    [Fact]
    public void Reads_server_and_command_as_the_header_reader_does()
    {
        var iu = new byte[CtIuHeader.Size];
        CtIuHeader.ForRequest(CtServer.NameServer, GsNameServerCommands.GpnId, 1024).Write(iu);
        Assert.True(CtIuHeader.TryReadCommand(iu, out var server, out var command));
        var header = CtIuHeader.Read(iu);
        Assert.Equal(header.Server, server);
        Assert.Equal(header.CommandResponse, command);
        Assert.Equal(CtServer.NameServer, server);
        Assert.Equal(GsNameServerCommands.GpnId, command);
    }

    [Fact]
    public void Ten_bytes_name_a_command_and_nine_do_not()
    {
        var iu = new byte[CtIuHeader.Size];
        CtIuHeader.ForAccept(CtServer.NameServer).Write(iu);
        Assert.Equal(10, CtIuHeader.CommandBytes);
        Assert.True(CtIuHeader.TryReadCommand(iu.AsSpan(0, 10), out _, out var code));
        Assert.Equal(CtResponseCodes.Accept, code);
        Assert.False(CtIuHeader.TryReadCommand(iu.AsSpan(0, 9), out var none, out var zero));
        Assert.Equal(default, none);
        Assert.Equal(0, zero);
        Assert.False(CtIuHeader.TryReadCommand([], out _, out _));
    }
}
