using BsgKit.Fc.Wire;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>One 16-byte GPN_FT / GNN_FT entry (fc_gpn_ft_resp): control @0, port ID @1, reserved @4, name @8.</summary>
public readonly record struct NsPortNameEntry(FcId PortId, Wwn Name);

/// <summary>
/// A decoded GPN_FT / GNN_FT accept. Same truncation rules as <see cref="NsPortIdList"/>: a partial trailing
/// entry is dropped and counted in <see cref="TrailingBytes"/>, never thrown.
/// </summary>
public sealed record NsPortNameList(IReadOnlyList<NsPortNameEntry> Entries, bool LastEntrySeen, int TrailingBytes, ushort ResidualWords)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Bytes per list entry.</summary>
    public const int EntrySize = 16;

    /// <summary>True when the last-entry flag was seen and nothing was cut off (residual 0 words).</summary>
    public bool IsComplete => LastEntrySeen && ResidualWords == 0;

    internal static int Build(Span<byte> ctIu, ReadOnlySpan<NsPortNameEntry> entries, bool markLast, ushort residualWords, string message)
    {
        var length = P + EntrySize * entries.Length;
        WriteAcceptHeader(ctIu, CtServer.NameServer, length, message, residualWords);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = P + EntrySize * i;
            if (markLast && i == entries.Length - 1) ctIu[at] = NsPortIdList.LastEntryFlag;
            entries[i].PortId.Write(ctIu[(at + 1)..]);
            entries[i].Name.Write(ctIu[(at + 8)..]);
        }
        return length;
    }

    internal static NsPortNameList Parse(ReadOnlySpan<byte> ctIu, string message)
    {
        var r = OpenAccept(ctIu, message);
        var residual = r.U16(10);
        var entries = new List<NsPortNameEntry>();
        var offset = P;
        while (offset + EntrySize <= r.Length)
        {
            entries.Add(new NsPortNameEntry(r.FcId(offset + 1), r.Wwn(offset + 8)));
            if ((r.U8(offset) & NsPortIdList.LastEntryFlag) != 0) return new NsPortNameList(entries, true, 0, residual);
            offset += EntrySize;
        }
        return new NsPortNameList(entries, false, r.Length - offset, residual);
    }
}
