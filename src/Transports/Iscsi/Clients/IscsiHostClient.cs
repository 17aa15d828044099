using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;
using BsgKit.Iscsi.Catalog;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Iscsi.Vendor;
using Microsoft.Extensions.Logging;

namespace BsgKit.Iscsi.Clients;

/// <summary>Options for <see cref="IscsiHostClient"/>.</summary>
public sealed record IscsiClientOptions
{
    /// <summary>The kernel (default) or the simulator's in-process transport.</summary>
    public IBsgTransport? Transport { get; init; }
    /// <summary>Where the request buffers come from (the shared pool unless given).</summary>
    public PinnedBufferPool? Pool { get; init; }
    /// <summary>Receives a trace line per completion; none unless given.</summary>
    public ILogger? Logger { get; init; }
    /// <summary>sg_io_v4.timeout; the kernel raises anything below 7 s to 7 s.</summary>
    public uint TimeoutMs { get; init; } = 30_000;
    /// <summary>Use this driver's commands whatever proc_name says (for a misdetected host).</summary>
    public IscsiDriver? DriverOverride { get; init; }
}

/// <summary>
/// A client for /dev/bsg/iscsi_hostN (qla4xxx, be2iscsi). Every request carries the full set of vendor words the
/// driver reads; commands that write need <c>allowWrite: true</c> and are refused before anything is sent
/// otherwise. Failures throw <see cref="IscsiException"/> subclasses with hints. Thread-safe.
/// </summary>
public sealed class IscsiHostClient : IDisposable
{
    /// <summary>The catalog's note for a host without a bsg node whose driver has no bsg handler.</summary>
    public const string SoftwareIscsiNote = IscsiHostInfo.NoBsgNodeNote;

    private readonly BsgDevice _device;
    private readonly IscsiClientOptions _options;

    private IscsiHostClient(IscsiHostInfo host, IscsiDriver driver, BsgDevice device, IscsiClientOptions options)
    {
        Host = host;
        Driver = driver;
        _device = device;
        _options = options;
    }

    /// <summary>The host as the catalog read it.</summary>
    public IscsiHostInfo Host { get; }
    /// <summary>The SCSI host number N of iscsi_hostN.</summary>
    public int HostNumber => Host.HostNumber;
    /// <summary>The driver whose vendor commands this client sends (from proc_name, or the override).</summary>
    public IscsiDriver Driver { get; }
    /// <summary>The /dev/bsg/iscsi_hostN path.</summary>
    public string DevicePath => _device.DevicePath;

    /// <summary>Opens iscsi_host<paramref name="hostNumber"/> from a catalog snapshot.</summary>
    public static IscsiHostClient Open(IscsiCatalogSnapshot catalog, int hostNumber, IscsiClientOptions? options = null)
    {
        var host = catalog.IscsiHosts.FirstOrDefault(h => h.HostNumber == hostNumber)
            ?? throw new IscsiNotSupportedException($"/sys/class/iscsi_host/host{hostNumber}", $"host{hostNumber} is not an iSCSI host",
                "`bsgkit list` shows the iSCSI hosts on this machine");
        return Open(host, options);
    }

    /// <summary>Opens the host's bsg node; software iSCSI hosts have none and get a plain explanation.</summary>
    public static IscsiHostClient Open(IscsiHostInfo host, IscsiClientOptions? options = null)
    {
        options ??= new IscsiClientOptions();
        var driver = options.DriverOverride ?? IscsiDrivers.FromProcName(host.Driver);
        var nodePath = $"/dev/bsg/iscsi_{host.Name}";
        if (host.Node?.DevicePath is not { } path)
            throw new IscsiNotSupportedException(nodePath, $"{host.Name} ({host.Driver ?? "unknown driver"}): {host.Note ?? host.Node?.Note ?? "no bsg node"}",
                driver == IscsiDriver.Other
                    ? "only offload drivers with a bsg handler (qla4xxx, be2iscsi) create /dev/bsg/iscsi_hostN; use iscsiadm for software iSCSI"
                    : host.Node?.Note ?? "the node is missing from /sys/class/bsg; check the driver loaded with bsg support");
        if (driver == IscsiDriver.Other)
            throw new IscsiNotSupportedException(path, $"{host.Name}: driver '{host.Driver}' has no known vendor commands",
                "pass DriverOverride (qla4xxx or be2iscsi) if the driver was misdetected");
        return new IscsiHostClient(host, driver, BsgDevice.Open(path, options.Transport, options.Pool, options.Logger), options);
    }

    // ---- qla4xxx ----

    /// <summary>qla4xxx READ_FLASH: <paramref name="length"/> bytes from flash offset <paramref name="offset"/>.</summary>
    public async Task<byte[]> ReadFlashAsync(uint offset, int length, CancellationToken cancellationToken = default) =>
        Succeeded(await SendAsync(Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.ReadFlash(offset, length)), false, cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>qla4xxx UPDATE_FLASH. Writes: <paramref name="allowWrite"/> must be true.</summary>
    public async Task<IscsiVendorResult> UpdateFlashAsync(uint offset, ReadOnlyMemory<byte> data, bool allowWrite, uint options = 0,
        CancellationToken cancellationToken = default) =>
        Succeeded(await SendAsync(Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.UpdateFlash(offset, data, options)), allowWrite, cancellationToken).ConfigureAwait(false));

    /// <summary>qla4xxx GET_ACB_STATE: the state of IP address <paramref name="ipIndex"/> of address control block <paramref name="acbIndex"/>.</summary>
    public async Task<Qla4xxxAcbState> GetAcbStateAsync(uint acbIndex, uint ipIndex, CancellationToken cancellationToken = default)
    {
        var r = Succeeded(await SendAsync(Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.GetAcbState(acbIndex, ipIndex)), false, cancellationToken).ConfigureAwait(false));
        return Qla4xxxAcbState.Decode(acbIndex, ipIndex, r.Data);
    }

    /// <summary>qla4xxx READ_NVRAM: <paramref name="length"/> bytes of NVRAM from byte <paramref name="offset"/> (ISP40xx adapters only).</summary>
    public async Task<byte[]> ReadNvramAsync(uint offset, int length, CancellationToken cancellationToken = default) =>
        Succeeded(await SendAsync(Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.ReadNvram(offset, length)), false, cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>qla4xxx UPDATE_NVRAM. Writes: <paramref name="allowWrite"/> must be true.</summary>
    public async Task<IscsiVendorResult> UpdateNvramAsync(uint offset, ReadOnlyMemory<byte> data, bool allowWrite,
        CancellationToken cancellationToken = default) =>
        Succeeded(await SendAsync(Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.UpdateNvram(offset, data)), allowWrite, cancellationToken).ConfigureAwait(false));

    /// <summary>qla4xxx RESTORE_DEFAULTS. Writes: <paramref name="allowWrite"/> must be true.</summary>
    public async Task<IscsiVendorResult> RestoreDefaultsAsync(uint region, uint field0, uint field1, bool allowWrite,
        CancellationToken cancellationToken = default) =>
        Succeeded(await SendAsync(Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.RestoreDefaults(region, field0, field1)), allowWrite, cancellationToken).ConfigureAwait(false));

    /// <summary>qla4xxx GET_ACB: the primary or secondary address control block (<see cref="Qla4xxxMailbox.AcbSize"/> bytes).</summary>
    public async Task<Qla4xxxAcb> GetAcbAsync(uint acbType = Qla4xxxMailbox.PrimaryAcb, CancellationToken cancellationToken = default) =>
        new(acbType, Succeeded(await SendAsync(Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.GetAcb(acbType)), false, cancellationToken).ConfigureAwait(false)).Data);

    /// <summary>
    /// qla4xxx DIAG_TEST with raw mailbox registers. A failed test (DID_ERROR with the status words) is a result,
    /// not an exception. SET_LED_CONFIG changes adapter state and needs <paramref name="allowWrite"/>.
    /// </summary>
    public async Task<Qla4xxxDiagResult> DiagTestAsync(uint[] mailbox, bool allowWrite = false, CancellationToken cancellationToken = default)
    {
        var command = Require(IscsiDriver.Qla4xxx, Qla4xxxCommands.DiagTest(mailbox));
        var r = await SendAsync(command, allowWrite, cancellationToken).ConfigureAwait(false);
        var status = r.Reply.VendorResponse;
        if (r.Errno != 0 || status.Length < Qla4xxxMailbox.MailboxRegisterCount) throw new IscsiCommandFailedException(r);
        return new Qla4xxxDiagResult(command.Words[1..], status[..Qla4xxxMailbox.MailboxRegisterCount]);
    }

    /// <summary>qla4xxx DIAG_TEST running one QL_DIAG_CMD_* test.</summary>
    public Task<Qla4xxxDiagResult> DiagTestAsync(uint test, CancellationToken cancellationToken = default) =>
        DiagTestAsync([Qla4xxxMailbox.DiagTest, test], false, cancellationToken);

    // ---- be2iscsi ----

    /// <summary>be2iscsi READ_FLASH: <paramref name="length"/> bytes of flash region <paramref name="region"/> at <paramref name="sector"/> × <paramref name="sectorSize"/> + <paramref name="offset"/>.</summary>
    public async Task<byte[]> ReadFlashRegionAsync(uint region, uint sectorSize, uint sector, uint offset, int length,
        CancellationToken cancellationToken = default) =>
        Succeeded(await SendAsync(Require(IscsiDriver.Be2iscsi, Be2iscsiCommands.ReadFlash(region, sectorSize, sector, offset, length)), false, cancellationToken)
            .ConfigureAwait(false)).Data;

    /// <summary>be2iscsi WRITE_FLASH. Writes: <paramref name="allowWrite"/> must be true.</summary>
    public async Task<IscsiVendorResult> WriteFlashRegionAsync(uint region, uint sectorSize, uint sector, uint offset, ReadOnlyMemory<byte> data,
        bool allowWrite, CancellationToken cancellationToken = default) =>
        Succeeded(await SendAsync(Require(IscsiDriver.Be2iscsi, Be2iscsiCommands.WriteFlash(region, sectorSize, sector, offset, data)), allowWrite, cancellationToken)
            .ConfigureAwait(false));

    // ---- any command ----

    /// <summary>
    /// Sends an encoded command and returns what came back, failed or not (only a write without
    /// <paramref name="allowWrite"/> and a command for another driver throw). The typed methods throw on failure.
    /// </summary>
    public async Task<IscsiVendorResult> SendAsync(IscsiVendorCommand command, bool allowWrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Require(command.Driver, command);
        if (command.Writes && !allowWrite) throw new IscsiWriteRefusedException(DevicePath, command.ToString());
        using var tx = _device.CreateTransaction(command.RequestLength, command.Dout.Length, command.DinLength);
        tx.TimeoutMs = _options.TimeoutMs;
        command.Encode(tx.Request);
        command.Dout.Span.CopyTo(tx.Dout);
        var completion = await _device.ExecuteAsync(tx, cancellationToken).ConfigureAwait(false);
        var reply = completion.Errno != 0
            ? IscsiBsgReply.Parse(tx.Reply, 4)
            : IscsiBsgReply.Parse(tx.Reply, completion.ResponseLength, Qla4xxxMailbox.MailboxRegisterCount);
        var received = completion.Outcome == BsgOutcome.IoctlFailed ? 0 : Math.Min(completion.ReceivedLength, tx.Din.Length);
        return new IscsiVendorResult
        {
            DevicePath = DevicePath,
            Driver = Driver,
            Command = command.ToString(),
            VendorId = command.VendorId,
            Outcome = completion.Outcome,
            Errno = completion.Errno,
            TransportStatus = completion.TransportStatus,
            Reply = reply,
            Data = tx.Din[..received].ToArray(),
            Duration = completion.Duration,
        };
    }

    private IscsiVendorCommand Require(IscsiDriver driver, IscsiVendorCommand command)
    {
        if (Driver != driver)
            throw new IscsiNotSupportedException(DevicePath, $"{command} is a {driver.ProcName()} command; {Host.Name} runs {Driver.ProcName()}",
                $"`bsgkit iscsi` lists the commands for {Driver.ProcName()}");
        return command;
    }

    private static IscsiVendorResult Succeeded(IscsiVendorResult r) => r.IsSuccess ? r : throw new IscsiCommandFailedException(r);

    /// <summary>Closes the bsg node.</summary>
    public void Dispose() => _device.Dispose();
}
