using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GPN_FT: FC-4 type and scope → 16-byte {control, port ID, reserved, WWPN} entries.</summary>
public static class GpnFt
{
    public const ushort Command = GsNameServerCommands.GpnFt;
    public const int RequestLength = P + NsFc4TypeScope.Size;
    public const int DefaultMaxResponseBytes = P + 2048 * NsPortNameList.EntrySize;
    private const string RequestName = "GPN_FT request", AcceptName = "GPN_FT accept";

    public static int BuildRequest(Span<byte> ctIu, NsFc4TypeScope scope, int maxResponseBytes = DefaultMaxResponseBytes) =>
        NsFc4TypeScope.Build(ctIu, Command, scope, maxResponseBytes, RequestName);

    public static NsFc4TypeScope ParseRequest(ReadOnlySpan<byte> ctIu) => NsFc4TypeScope.Parse(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<NsPortNameEntry> entries, bool markLast = true, ushort residualWords = 0) =>
        NsPortNameList.Build(ctIu, entries, markLast, residualWords, AcceptName);

    public static NsPortNameList ParseAccept(ReadOnlySpan<byte> ctIu) => NsPortNameList.Parse(ctIu, AcceptName);
}
