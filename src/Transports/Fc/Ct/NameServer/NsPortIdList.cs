using BsgKit.Fc.Wire;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>
/// A decoded list of 4-byte {control @0, port ID @1} entries (GID_FT, GID_PT, GID_NN accepts).
/// <para><see cref="LastEntrySeen"/> false means the list was cut short (buffer too small): check
/// <see cref="ResidualWords"/> and retry with a bigger buffer or a domain/area scope.
/// An entry cut in the middle is not an error: it is dropped and counted in <see cref="TrailingBytes"/>,
/// because the complete entries before it are still good.</para>
/// </summary>
public sealed record NsPortIdList(IReadOnlyList<FcId> PortIds, bool LastEntrySeen, int TrailingBytes, ushort ResidualWords)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Bytes per list entry.</summary>
    public const int EntrySize = 4;
    /// <summary>Control byte bit (entry byte 0) marking the list's last entry (kernel fc_ns.h FC_NS_FID_LAST).</summary>
    public const byte LastEntryFlag = 0x80;

    /// <summary>True when the last-entry flag was seen and nothing was cut off (residual 0 words).</summary>
    public bool IsComplete => LastEntrySeen && ResidualWords == 0;

    internal static int Build(Span<byte> ctIu, ReadOnlySpan<FcId> ids, bool markLast, ushort residualWords, string message)
    {
        var length = P + EntrySize * ids.Length;
        WriteAcceptHeader(ctIu, CtServer.NameServer, length, message, residualWords);
        for (var i = 0; i < ids.Length; i++)
        {
            var at = P + EntrySize * i;
            if (markLast && i == ids.Length - 1) ctIu[at] = LastEntryFlag;
            ids[i].Write(ctIu[(at + 1)..]);
        }
        return length;
    }

    internal static NsPortIdList Parse(ReadOnlySpan<byte> ctIu, string message)
    {
        var r = OpenAccept(ctIu, message);
        var residual = r.U16(10);
        var ids = new List<FcId>();
        var offset = P;
        while (offset + EntrySize <= r.Length)
        {
            ids.Add(r.FcId(offset + 1));
            if ((r.U8(offset) & LastEntryFlag) != 0) return new NsPortIdList(ids, true, 0, residual);
            offset += EntrySize;
        }
        return new NsPortIdList(ids, false, r.Length - offset, residual);
    }
}
