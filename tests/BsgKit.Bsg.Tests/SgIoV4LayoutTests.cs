using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BsgKit.Bsg;

namespace BsgKit.Bsg.Tests;

/// <summary>Every offset and size from docs/reference/bsg-abi.md §3, written here as numbers.</summary>
public class SgIoV4LayoutTests
{
    [Fact]
    public void Struct_is_160_bytes()
    {
        Assert.Equal(160, Unsafe.SizeOf<SgIoV4>());
        Assert.Equal(160, SgIoV4.Size);
    }

    public delegate void Setter(ref SgIoV4 h);

    public static TheoryData<string, int, int> Fields => new()
    {
        { "guard", 0, 4 }, { "protocol", 4, 4 }, { "subprotocol", 8, 4 }, { "request_len", 12, 4 },
        { "request", 16, 8 }, { "request_tag", 24, 8 }, { "request_attr", 32, 4 }, { "request_priority", 36, 4 },
        { "request_extra", 40, 4 }, { "max_response_len", 44, 4 }, { "response", 48, 8 },
        { "dout_iovec_count", 56, 4 }, { "dout_xfer_len", 60, 4 }, { "din_iovec_count", 64, 4 },
        { "din_xfer_len", 68, 4 }, { "dout_xferp", 72, 8 }, { "din_xferp", 80, 8 }, { "timeout", 88, 4 },
        { "flags", 92, 4 }, { "usr_ptr", 96, 8 }, { "spare_in", 104, 4 }, { "driver_status", 108, 4 },
        { "transport_status", 112, 4 }, { "device_status", 116, 4 }, { "retry_delay", 120, 4 }, { "info", 124, 4 },
        { "duration", 128, 4 }, { "response_len", 132, 4 }, { "din_resid", 136, 4 }, { "dout_resid", 140, 4 },
        { "generated_tag", 144, 8 }, { "spare_out", 152, 4 }, { "padding", 156, 4 },
    };

    private static void Set(ref SgIoV4 h, string field, ulong v)
    {
        switch (field)
        {
            case "guard": h.Guard = (int)v; break;
            case "protocol": h.Protocol = (uint)v; break;
            case "subprotocol": h.Subprotocol = (uint)v; break;
            case "request_len": h.RequestLen = (uint)v; break;
            case "request": h.Request = v; break;
            case "request_tag": h.RequestTag = v; break;
            case "request_attr": h.RequestAttr = (uint)v; break;
            case "request_priority": h.RequestPriority = (uint)v; break;
            case "request_extra": h.RequestExtra = (uint)v; break;
            case "max_response_len": h.MaxResponseLen = (uint)v; break;
            case "response": h.Response = v; break;
            case "dout_iovec_count": h.DoutIovecCount = (uint)v; break;
            case "dout_xfer_len": h.DoutXferLen = (uint)v; break;
            case "din_iovec_count": h.DinIovecCount = (uint)v; break;
            case "din_xfer_len": h.DinXferLen = (uint)v; break;
            case "dout_xferp": h.DoutXferp = v; break;
            case "din_xferp": h.DinXferp = v; break;
            case "timeout": h.Timeout = (uint)v; break;
            case "flags": h.Flags = (uint)v; break;
            case "usr_ptr": h.UsrPtr = v; break;
            case "spare_in": h.SpareIn = (uint)v; break;
            case "driver_status": h.DriverStatus = (uint)v; break;
            case "transport_status": h.TransportStatus = (uint)v; break;
            case "device_status": h.DeviceStatus = (uint)v; break;
            case "retry_delay": h.RetryDelay = (uint)v; break;
            case "info": h.Info = (uint)v; break;
            case "duration": h.Duration = (uint)v; break;
            case "response_len": h.ResponseLen = (uint)v; break;
            case "din_resid": h.DinResid = (int)v; break;
            case "dout_resid": h.DoutResid = (int)v; break;
            case "generated_tag": h.GeneratedTag = v; break;
            case "spare_out": h.SpareOut = (uint)v; break;
            case "padding": h.Padding = (uint)v; break;
            default: throw new ArgumentException(field);
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Field_sits_at_its_abi_offset(string field, int offset, int size)
    {
        var h = default(SgIoV4);
        var value = size == 8 ? 0x1122334455667788UL : 0x11223344UL;
        Set(ref h, field, value);
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref h, 1));
        var read = size == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
        Assert.Equal(value, read);
        // and nothing else was touched
        for (var i = 0; i < bytes.Length; i++)
            if (i < offset || i >= offset + size) Assert.Equal(0, bytes[i]);
    }

    [Fact]
    public void Fields_cover_all_160_bytes_without_overlap()
    {
        var covered = new int[160];
        foreach (var row in Fields)
        {
            var (offset, size) = ((int)row[1], (int)row[2]);
            for (var i = offset; i < offset + size; i++) covered[i]++;
        }
        Assert.All(covered, c => Assert.Equal(1, c));
    }

    [Fact]
    public void Constants_match_the_abi_sheet()
    {
        Assert.Equal(0x51, BsgConstants.Guard);
        Assert.Equal(0x2285u, BsgConstants.SgIo);
        Assert.Equal(2u, BsgConstants.SubprotocolScsiTransport);
        Assert.Equal(0u, BsgConstants.SubprotocolScsiCommand);
        Assert.Equal(0x10u, BsgConstants.FlagQueueAtTail);
        Assert.Equal(96, BsgConstants.DefaultReplyLength);
        Assert.Equal(128, BsgConstants.QueueDepth);
    }

    [Theory]
    [InlineData(0u, 60_000)]
    [InlineData(1000u, 7_000)]
    [InlineData(6999u, 7_000)]
    [InlineData(7000u, 7_000)]
    [InlineData(20000u, 20_000)]
    public void Effective_timeout_has_a_7_second_floor_and_60_second_default(uint timeoutMs, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), BsgConstants.EffectiveTimeout(timeoutMs));
}
