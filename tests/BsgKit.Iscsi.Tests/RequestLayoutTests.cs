using System.Buffers.Binary;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Iscsi.Vendor;

namespace BsgKit.Iscsi.Tests;

/// <summary>iscsi_bsg_request byte layout for every vendor command (docs/reference/iscsi-bsg.md §2, §7, §8).</summary>
public sealed class RequestLayoutTests
{
    private static uint U32(byte[] b, int at) => BitConverter.IsLittleEndian
        ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));

    private static ulong U64(byte[] b, int at) => BitConverter.IsLittleEndian
        ? BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(at));

    private static void AssertHeader(byte[] request, ulong vendorId)
    {
        Assert.Equal(0x800000FFu, U32(request, 0));
        Assert.Equal(vendorId, U64(request, 4)); // unaligned, host-endian
    }

    private static uint[] Words(byte[] request) =>
        Enumerable.Range(0, (request.Length - 12) / 4).Select(i => U32(request, 12 + 4 * i)).ToArray();

    [Fact]
    public void The_header_is_12_packed_bytes_with_host_endian_fields()
    {
        var r = new byte[16];
        Assert.Equal(16, IscsiBsgRequest.Build(r, 0x0100000000001077, [7]));
        if (BitConverter.IsLittleEndian)
            Assert.Equal(new byte[] { 0xFF, 0, 0, 0x80, 0x77, 0x10, 0, 0, 0, 0, 0, 0x01, 7, 0, 0, 0 }, r);
        Assert.Equal(12, IscsiBsgRequest.Size);
        Assert.Equal(0x0100000000001077UL, IscsiVendorId.Qla4xxx);
        Assert.Equal(0x01000000000019A2UL, IscsiVendorId.Be2iscsi);
    }

    public static TheoryData<string, uint[], int> Qla4xxxLayouts => new()
    {
        { "READ_FLASH", [1, 0x1000], 20 },
        { "UPDATE_FLASH", [2, 0x2000, 3], 24 },
        { "GET_ACB_STATE", [3, 1, 2], 24 },
        { "READ_NVRAM", [4, 0x40], 20 },
        { "UPDATE_NVRAM", [5, 0x40], 20 },
        { "RESTORE_DEFAULTS", [6, 9, 10, 11], 28 },
        { "GET_ACB", [7, 1], 20 },
        { "DIAG_TEST", [8, 0x75, 0x7, 0, 0, 0, 0, 0, 0], 48 },
    };

    private static IscsiVendorCommand Qla(string name) => name switch
    {
        "READ_FLASH" => Qla4xxxCommands.ReadFlash(0x1000, 64),
        "UPDATE_FLASH" => Qla4xxxCommands.UpdateFlash(0x2000, new byte[8], 3),
        "GET_ACB_STATE" => Qla4xxxCommands.GetAcbState(1, 2),
        "READ_NVRAM" => Qla4xxxCommands.ReadNvram(0x40, 16),
        "UPDATE_NVRAM" => Qla4xxxCommands.UpdateNvram(0x40, new byte[4]),
        "RESTORE_DEFAULTS" => Qla4xxxCommands.RestoreDefaults(9, 10, 11),
        "GET_ACB" => Qla4xxxCommands.GetAcb(1),
        "DIAG_TEST" => Qla4xxxCommands.DiagTest(7),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Qla4xxxLayouts))]
    public void Qla4xxx_requests_carry_every_word_the_driver_reads(string name, uint[] words, int length)
    {
        var command = Qla(name);
        var bytes = command.Encode();
        Assert.Equal(length, bytes.Length);
        Assert.Equal(length, command.RequestLength);
        AssertHeader(bytes, IscsiVendorId.Qla4xxx);
        Assert.Equal(words, Words(bytes));
        Assert.Equal(name, command.Name);
        Assert.True(IscsiCodes.Qla4xxxCommands.TryGetCode(name, out var code));
        Assert.Equal(code, command.Code);
    }

    [Theory]
    [InlineData("READ_FLASH", false)]
    [InlineData("UPDATE_FLASH", true)]
    [InlineData("GET_ACB_STATE", false)]
    [InlineData("READ_NVRAM", false)]
    [InlineData("UPDATE_NVRAM", true)]
    [InlineData("RESTORE_DEFAULTS", true)]
    [InlineData("GET_ACB", false)]
    [InlineData("DIAG_TEST", false)]
    public void Only_the_commands_that_change_the_adapter_are_writes(string name, bool writes) =>
        Assert.Equal(writes, Qla(name).Writes);

    [Fact]
    public void Reads_send_a_dout_so_bsg_lib_maps_the_din_as_the_reply_payload()
    {
        var read = Qla4xxxCommands.ReadFlash(0, 256);
        Assert.Equal(256, read.DinLength);
        Assert.True(read.Dout.Length > 0);
        Assert.Equal(32, Qla4xxxCommands.GetAcbState(0, 0).DinLength);
        Assert.Equal(0x300, Qla4xxxCommands.GetAcb(0).DinLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => Qla4xxxCommands.GetAcb(0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => Qla4xxxCommands.ReadFlash(0, 0));
    }

    [Fact]
    public void Diag_test_pads_the_mailbox_to_eight_registers_and_LED_set_is_a_write()
    {
        var bytes = Qla4xxxCommands.DiagTest([Qla4xxxMailbox.DiagTest]).Encode();
        Assert.Equal(48, bytes.Length);
        Assert.True(Qla4xxxCommands.DiagTest([Qla4xxxMailbox.SetLedConfig, 1]).Writes);
        Assert.False(Qla4xxxCommands.DiagTest([Qla4xxxMailbox.GetLedConfig]).Writes);
        Assert.Throws<ArgumentOutOfRangeException>(() => Qla4xxxCommands.DiagTest(new uint[9]));
    }

    [Fact]
    public void Be2iscsi_flash_requests_carry_region_sector_size_sector_and_offset()
    {
        var read = Be2iscsiCommands.ReadFlash(2, 512, 3, 16, 128);
        var bytes = read.Encode();
        Assert.Equal(32, bytes.Length);
        AssertHeader(bytes, IscsiVendorId.Be2iscsi);
        Assert.Equal(new uint[] { 1, 2, 512, 3, 16 }, Words(bytes));
        Assert.False(read.Writes);
        Assert.Equal(128, read.Dout.Length); // be2iscsi sizes its DMA buffer from the request payload
        Assert.Equal("READ_FLASH", read.Name);

        var write = Be2iscsiCommands.WriteFlash(2, 512, 3, 16, new byte[] { 1, 2 });
        Assert.Equal(new uint[] { 0, 2, 512, 3, 16 }, Words(write.Encode()));
        Assert.True(write.Writes);
        Assert.Equal("WRITE_FLASH", write.Name);
        Assert.Equal(3 * 512 + 16, Be2iscsiCommands.FlashAddress(512, 3, 16));
    }

    [Fact]
    public void A_too_small_buffer_is_refused_rather_than_truncated()
    {
        Assert.Throws<ArgumentException>(() => IscsiBsgRequest.Build(new byte[19], IscsiVendorId.Qla4xxx, [1, 0]));
    }

    [Fact]
    public void Vendor_id_reads_past_a_short_request_as_zero()
    {
        var r = new byte[20];
        IscsiBsgRequest.Build(r, IscsiVendorId.Qla4xxx, [1, 0]);
        Assert.Equal(IscsiVendorId.Qla4xxx, IscsiBsgRequest.ReadVendorId(r));
        Assert.Equal(0x1077UL, IscsiBsgRequest.ReadVendorId(r.AsSpan(0, 8)) & 0xFFFF);
        Assert.Equal(0UL, IscsiBsgRequest.ReadVendorId(r.AsSpan(0, 4)));
        Assert.Null(IscsiBsgRequest.ReadVendorWord(r.AsSpan(0, 12), 0));
        Assert.Equal(1u, IscsiBsgRequest.ReadVendorWord(r, 0));
    }
}
