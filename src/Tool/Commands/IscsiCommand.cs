using System.CommandLine;
using System.Globalization;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;
using BsgKit.Iscsi.Catalog;
using BsgKit.Iscsi.Clients;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.Vendor;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;
using Microsoft.Extensions.Logging;

namespace BsgKit.Tool.Commands;

/// <summary>
/// bsgkit iscsi list, bsgkit iscsi vendor HOST COMMAND: the iSCSI hosts and the offload drivers' vendor commands
/// (qla4xxx, be2iscsi) through /dev/bsg/iscsi_hostN. Read-only unless --yes-i-mean-it confirms a write.
/// </summary>
internal static class IscsiCommand
{
    public const string ConfirmFlag = ExitCodes.ConfirmFlag;
    private const int DefaultReadLength = 256;
    private const int MaxLength = 1 << 20;
    private const uint DefaultSectorSize = 4096;
    private const int WordDigits = 8;
    /// <summary>Mailbox commands are not known to time out faster: the client's default when --timeout is absent.</summary>
    private const uint DefaultTimeoutMs = 30_000;

    /// <summary>
    /// One vendor command of the CLI, the only place it is described: its name, the driver that has it, what it does,
    /// what it writes (null: it only reads; a writer is refused without --yes-i-mean-it), whether a write is read back
    /// (--no-verify skips that), the command-specific options it takes besides those two, and what it does.
    /// </summary>
    internal sealed record Verb(string Name, IscsiDriver Driver, string Help, string? Writes, bool ReadsBack, Func<VendorOptions, Option[]> Takes, Func<VerbRun, Task> Run)
    {
        public bool IsWrite => Writes is not null;

        /// <summary>"qla4xxx read-flash".</summary>
        public string Key => $"{Driver.ProcName()} {Name}";

        /// <summary>Every command-specific option it accepts (anything else given is a usage error).</summary>
        public Option[] Allowed(VendorOptions o) => [.. Takes(o), .. IsWrite ? [o.Yes] : Array.Empty<Option>(), .. ReadsBack ? [o.NoVerify] : Array.Empty<Option>()];
    }

    internal static readonly Verb[] Verbs =
    [
        new("read-flash", IscsiDriver.Qla4xxx, "READ_FLASH: --length bytes from flash --offset", null, false, o => [o.Offset, o.Length],
            r => r.ReadAsync(off => r.Client.ReadFlashAsync(off, r.Len(), r.Ct))),
        new("update-flash", IscsiDriver.Qla4xxx, "UPDATE_FLASH: write --data at flash --offset (--flash-options)", "flash", true, o => [o.Offset, o.Data, o.FlashOptions],
            r => r.WriteAsync((off, bytes) => r.Client.UpdateFlashAsync(off, bytes, allowWrite: true, r.Num(r.O.FlashOptions, 0), r.Ct),
                (off, length) => r.Client.ReadFlashAsync(off, length, r.Ct))),
        new("get-acb-state", IscsiDriver.Qla4xxx, "GET_ACB_STATE: IP state of --acb-index / --ip-index", null, false, o => [o.AcbIndex, o.IpIndex], GetAcbStateAsync),
        new("read-nvram", IscsiDriver.Qla4xxx, "READ_NVRAM: --length bytes from NVRAM --offset", null, false, o => [o.Offset, o.Length],
            r => r.ReadAsync(off => r.Client.ReadNvramAsync(off, r.Len(), r.Ct))),
        new("update-nvram", IscsiDriver.Qla4xxx, "UPDATE_NVRAM: write --data at NVRAM --offset", "NVRAM", true, o => [o.Offset, o.Data],
            r => r.WriteAsync((off, bytes) => r.Client.UpdateNvramAsync(off, bytes, allowWrite: true, r.Ct),
                (off, length) => r.Client.ReadNvramAsync(off, length, r.Ct))),
        new("restore-defaults", IscsiDriver.Qla4xxx, "RESTORE_DEFAULTS: --region, --field0, --field1", "settings", false, o => [o.Region, o.Field0, o.Field1], RestoreDefaultsAsync),
        new("get-acb", IscsiDriver.Qla4xxx, "GET_ACB: the address control block (--acb-type primary|secondary)", null, false, o => [o.AcbType], GetAcbAsync),
        new("diag-test", IscsiDriver.Qla4xxx, "DIAG_TEST: run --test (TEST_DDR_RW, 0x3 …)", null, false, o => [o.Test], DiagTestAsync),
        new("read-flash", IscsiDriver.Be2iscsi, "READ_FLASH: --length bytes at --sector × --sector-size + --offset of --region", null, false,
            o => [o.Offset, o.Length, o.Region, o.SectorSize, o.Sector], Be2iscsiReadFlashAsync),
        new("write-flash", IscsiDriver.Be2iscsi, "WRITE_FLASH: write --data at --sector × --sector-size + --offset of --region", "flash", true,
            o => [o.Offset, o.Data, o.Region, o.SectorSize, o.Sector], Be2iscsiWriteFlashAsync),
    ];

    private static readonly string[] VerbNames = Verbs.Select(v => v.Name).Distinct().ToArray();

    /// <summary>The CLI's command names for a driver (what `iscsi list` and the errors show).</summary>
    public static IReadOnlyList<string> CommandsFor(IscsiDriver driver) => Verbs.Where(v => v.Driver == driver).Select(v => v.Name).ToList();

    /// <summary>The options of `iscsi vendor` (one set per command tree).</summary>
    internal sealed class VendorOptions
    {
        public readonly Option<string?> Offset = new("--offset") { Description = "byte offset (hex 0x… or decimal; default 0)" };
        public readonly Option<string?> Length = new("--length", "-l") { Description = $"bytes to read (default {DefaultReadLength})" };
        public readonly Option<string?> Data = new("--data") { Description = "bytes to write: hex (01020304, 01:02:03:04) or @FILE (binary)" };
        public readonly Option<bool> Yes = new(ConfirmFlag) { Description = "confirm a command that writes flash, NVRAM or adapter settings (refused without it)" };
        public readonly Option<bool> NoVerify = new("--no-verify") { Description = "after a write, do not read the range back to compare" };
        public readonly Option<string> Encoding = new("--encoding") { Description = "how -o json carries bytes: hex or base64", DefaultValueFactory = _ => "hex" };
        public readonly Option<string?> FlashOptions = new("--flash-options") { Description = "qla4xxx update-flash: the options word (default 0)" };
        public readonly Option<string?> AcbIndex = new("--acb-index") { Description = "get-acb-state: ACB index (0 primary, 1 secondary; default 0)" };
        public readonly Option<string?> IpIndex = new("--ip-index") { Description = "get-acb-state: IP index (default 0)" };
        public readonly Option<string?> AcbType = new("--acb-type") { Description = "get-acb: primary (default), secondary, or the number" };
        public readonly Option<string?> Test = new("--test") { Description = "diag-test: QL_DIAG_CMD_* name (TEST_DDR_RW, test-nvram …) or code (0x3)" };
        public readonly Option<string?> Region = new("--region") { Description = "restore-defaults, be2iscsi read-flash / write-flash: region (default 0)" };
        public readonly Option<string?> Field0 = new("--field0") { Description = "restore-defaults: field 0 (default 0)" };
        public readonly Option<string?> Field1 = new("--field1") { Description = "restore-defaults: field 1 (default 0)" };
        public readonly Option<string?> SectorSize = new("--sector-size") { Description = $"be2iscsi: sector size in bytes (default {DefaultSectorSize})" };
        public readonly Option<string?> Sector = new("--sector") { Description = "be2iscsi: sector number (default 0)" };

        public VendorOptions() => Encoding.AcceptOnlyFromAmong("hex", "base64");

        /// <summary>In the order `iscsi vendor --help` lists them.</summary>
        public Option[] All => [Offset, Length, Data, Yes, NoVerify, Encoding, FlashOptions, AcbIndex, IpIndex, AcbType, Test, Region, Field0, Field1, SectorSize, Sector];

        /// <summary>The options only some commands take (--encoding applies to all).</summary>
        public Option[] Specific => [Offset, Length, Data, Yes, NoVerify, FlashOptions, AcbIndex, IpIndex, AcbType, Test, Region, Field0, Field1, SectorSize, Sector];
    }

    /// <summary>One run of a verb: the client, the option values, and what it found (the document, the bytes shown, the exit code).</summary>
    internal sealed class VerbRun(ParseResult parse, VendorOptions o, CliContext ctx, IscsiHostInfo host, Verb verb, IscsiHostClient client, CancellationToken ct)
    {
        public VendorOptions O => o;
        public IscsiHostClient Client => client;
        public CancellationToken Ct => ct;
        public IscsiVendorDto Dto { get; set; } = new(host.Name, verb.Driver.ProcName(), verb.Name) { BsgNode = client.DevicePath };
        public byte[]? Shown { get; set; }
        public byte[]? ReadBack { get; private set; }
        public int Exit { get; set; } = ExitCodes.Ok;
        public bool Base64 => parse.GetValue(o.Encoding) == "base64";

        public uint Num(Option<string?> option, uint fallback) => parse.GetValue(option) is { } s ? ParseUInt(s, option.Name) : fallback;
        public string? Text(Option<string?> option) => parse.GetValue(option);

        public int Len()
        {
            var l = Num(o.Length, DefaultReadLength);
            return l is >= 1 and <= MaxLength ? (int)l : throw CliException.Usage($"--length {l}: must be 1..{MaxLength}");
        }

        public byte[] Data()
        {
            var d = parse.GetValue(o.Data) is { } text ? HexInput.Parse(text, "--data") : throw CliException.Usage($"{verb.Name} needs --data HEX|@FILE");
            return d.Length is >= 1 and <= MaxLength ? d : throw CliException.Usage($"--data: {d.Length} bytes; a write takes 1..{MaxLength}");
        }

        public string Bytes(byte[] b) => Base64 ? Convert.ToBase64String(b) : Fmt.Hex(b);

        /// <summary>Bytes read at --offset, shown.</summary>
        public async Task ReadAsync(Func<uint, Task<byte[]>> read)
        {
            var off = Num(o.Offset, 0);
            Shown = await read(off);
            Dto = Dto with { Offset = Fmt.Code(off, WordDigits), Length = Shown.Length, Encoding = Enc(Base64), Data = Bytes(Shown) };
        }

        /// <summary>--data written at --offset, then (unless --no-verify) read back and compared.</summary>
        public async Task WriteAsync(Func<uint, byte[], Task> write, Func<uint, int, Task<byte[]>> readBack)
        {
            var off = Num(o.Offset, 0);
            var bytes = Data();
            await write(off, bytes);
            Dto = Dto with { Offset = Fmt.Code(off, WordDigits), Length = bytes.Length, Written = true };
            await VerifyAsync(bytes, () => readBack(off, bytes.Length));
        }

        public async Task VerifyAsync(byte[] written, Func<Task<byte[]>> read)
        {
            if (verb.ReadsBack && !parse.GetValue(o.NoVerify)) ReadBack = await IscsiCommand.ReadBack(ctx, host, read);
            Dto = Verified(Dto, written, ReadBack, Base64);
        }
    }

    private static async Task RestoreDefaultsAsync(VerbRun r)
    {
        uint region = r.Num(r.O.Region, 0), f0 = r.Num(r.O.Field0, 0), f1 = r.Num(r.O.Field1, 0);
        await r.Client.RestoreDefaultsAsync(region, f0, f1, allowWrite: true, r.Ct);
        r.Dto = r.Dto with { Region = region, Field0 = f0, Field1 = f1, Written = true };
    }

    private static async Task GetAcbStateAsync(VerbRun r)
    {
        uint a = r.Num(r.O.AcbIndex, 0), ip = r.Num(r.O.IpIndex, 0);
        var s = await r.Client.GetAcbStateAsync(a, ip, r.Ct);
        r.Dto = r.Dto with
        {
            AcbIndex = a, IpIndex = ip, CommandStatus = s.CommandStatusName, IpState = s.IpStateName,
            MailboxStatus = s.MailboxStatus.Select(w => Fmt.Code(w, WordDigits)).ToList(),
        };
    }

    private static async Task GetAcbAsync(VerbRun r)
    {
        var acb = await r.Client.GetAcbAsync(AcbType(r.Text(r.O.AcbType)), r.Ct);
        r.Shown = acb.Data;
        r.Dto = r.Dto with { AcbType = acb.AcbTypeName, Length = acb.Data.Length, Encoding = Enc(r.Base64), Data = r.Bytes(acb.Data) };
    }

    private static async Task DiagTestAsync(VerbRun r)
    {
        var code = DiagTest(r.Text(r.O.Test));
        var d = await r.Client.DiagTestAsync(code, r.Ct);
        r.Dto = r.Dto with
        {
            Test = d.TestName ?? IscsiCodes.Qla4xxxDiagTests.NameOf(code), TestCode = Fmt.Code(code), Passed = d.Passed, CommandStatus = d.CommandStatusName,
            MailboxCommand = d.MailboxCommand.Select(w => Fmt.Code(w, WordDigits)).ToList(), MailboxStatus = d.MailboxStatus.Select(w => Fmt.Code(w, WordDigits)).ToList(),
        };
        if (!d.Passed) r.Exit = ExitCodes.Rejected;
    }

    /// <summary>be2iscsi's flash address: --region, --sector-size, --sector, --offset.</summary>
    private static (uint Region, uint SectorSize, uint Sector, uint Offset) FlashRegion(VerbRun r) =>
        (r.Num(r.O.Region, 0), r.Num(r.O.SectorSize, DefaultSectorSize), r.Num(r.O.Sector, 0), r.Num(r.O.Offset, 0));

    private static IscsiVendorDto WithRegion(IscsiVendorDto dto, (uint Region, uint SectorSize, uint Sector, uint Offset) f) => dto with
    {
        Region = f.Region, SectorSize = f.SectorSize, Sector = f.Sector, Offset = Fmt.Code(f.Offset, WordDigits),
        Address = $"0x{Be2iscsiCommands.FlashAddress(f.SectorSize, f.Sector, f.Offset):x}",
    };

    private static async Task Be2iscsiReadFlashAsync(VerbRun r)
    {
        var f = FlashRegion(r);
        r.Shown = await r.Client.ReadFlashRegionAsync(f.Region, f.SectorSize, f.Sector, f.Offset, r.Len(), r.Ct);
        r.Dto = WithRegion(r.Dto, f) with { Length = r.Shown.Length, Encoding = Enc(r.Base64), Data = r.Bytes(r.Shown) };
    }

    private static async Task Be2iscsiWriteFlashAsync(VerbRun r)
    {
        var f = FlashRegion(r);
        var bytes = r.Data();
        await r.Client.WriteFlashRegionAsync(f.Region, f.SectorSize, f.Sector, f.Offset, bytes, allowWrite: true, r.Ct);
        r.Dto = WithRegion(r.Dto, f) with { Length = bytes.Length, Written = true };
        await r.VerifyAsync(bytes, () => r.Client.ReadFlashRegionAsync(f.Region, f.SectorSize, f.Sector, f.Offset, bytes.Length, r.Ct));
    }

    public static Command Build(CliHost cli)
    {
        var iscsi = new Command("iscsi", "iSCSI hosts and the offload drivers' vendor commands (qla4xxx, be2iscsi) through /dev/bsg/iscsi_hostN");
        var list = new Command("list", "List the iSCSI hosts: initiator name, IP / MAC, port state and speed, driver, bsg node");
        cli.SetAction(list, (ctx, _, _) => Task.FromResult(List(ctx)));
        iscsi.Subcommands.Add(list);
        iscsi.Subcommands.Add(BuildVendor(cli));
        return iscsi;
    }

    private static int List(CliContext ctx)
    {
        var hosts = ctx.Session.IscsiCatalog().IscsiHosts.OrderBy(h => h.HostNumber).ToList();
        if (ctx.Hosts.HostSpec is { } spec && !ctx.Hosts.AllHosts)
        {
            // -H filters as it does for list: that iSCSI host, or exit 3 naming it.
            hosts = [ctx.Hosts.SelectIscsiHost(spec)];
        }
        var dto = new IscsiListDto(hosts.Select(h => Host(h) with { Commands = CommandsOf(h) }).ToList());
        JsonOutput.Emit(ctx, dto, static c => c.IscsiListDto, () =>
        {
            if (dto.IscsiHosts.Count == 0)
            {
                ctx.Out.WriteLine("No iSCSI hosts on this machine (nothing under /sys/class/iscsi_host).");
                ctx.Out.WriteLine("Try the built-in simulated iSCSI hosts: bsgkit --simulate iscsi iscsi list");
                return;
            }
            var t = new TableWriter("ISCSI HOST", "DRIVER", "STATE", "SPEED", "IP ADDRESS", "MAC", "INITIATOR", "BSG NODE");
            foreach (var h in dto.IscsiHosts)
                t.Row(h.Name, h.Driver, h.State, h.Speed, h.IpAddress, h.HwAddress, h.InitiatorName, h.BsgNode ?? h.BsgNote); // the note reads as a sentence: no parentheses around its own
            t.Write(ctx.Out, !ctx.Quiet);
        });
        return ExitCodes.Ok;
    }

    /// <summary>
    /// An iSCSI host as `list` and `iscsi list` show it (the one mapping): why there is no usable bsg node is the
    /// catalog's note, which knows software iSCSI from an offload driver whose node is missing.
    /// </summary>
    internal static IscsiHostDto Host(IscsiHostInfo i) => new(i.Name, i.HostNumber)
    {
        Driver = i.Driver, State = i.PortState, Speed = Fmt.Speed(i.PortSpeed), NetDev = i.NetDev, IpAddress = i.IpAddress, HwAddress = i.HwAddress,
        InitiatorName = i.InitiatorName, BsgNode = i.Node?.DevicePath,
        BsgNote = i.Node?.DevicePath is null ? NoNodeNote(i) : null,
    };

    /// <summary>Why <paramref name="i"/> has no usable bsg node: the catalog's note (software iSCSI, a node missing), else the node's.</summary>
    private static string NoNodeNote(IscsiHostInfo i) => i.Note ?? i.Node?.Note ?? IscsiHostInfo.NoBsgNodeNote;

    /// <summary>`iscsi list`: the vendor commands the host's driver takes, for hosts with a bsg node.</summary>
    private static List<string>? CommandsOf(IscsiHostInfo i)
    {
        var driver = IscsiDrivers.FromProcName(i.Driver);
        return i.Node?.DevicePath is not null && driver != IscsiDriver.Other ? CommandsFor(driver).ToList() : null;
    }

    /// <summary>"qla4xxx: a, b; be2iscsi: c": drivers in order of first appearance (loops: GroupBy over the enum key is JIT-compiled at start).</summary>
    private static string VerbsByDriver()
    {
        var s = new System.Text.StringBuilder();
        for (var i = 0; i < Verbs.Length; i++)
        {
            var d = Verbs[i].Driver;
            var seen = false;
            for (var j = 0; j < i && !seen; j++) seen = Verbs[j].Driver == d;
            if (seen) continue;
            if (s.Length > 0) s.Append("; ");
            s.Append(d.ProcName()).Append(": ");
            var first = true;
            foreach (var v in Verbs)
            {
                if (v.Driver != d) continue;
                if (!first) s.Append(", ");
                s.Append(v.Name);
                first = false;
            }
        }
        return s.ToString();
    }

    private static Command BuildVendor(CliHost cli)
    {
        var hostArg = new Argument<string>("HOST") { Description = "the iSCSI host: iscsi_host7, host7 or 7" };
        var verbArg = new Argument<string>("COMMAND")
        {
            Description = VerbsByDriver(),
        };
        var o = new VendorOptions();
        var writers = Verbs.Where(v => v.IsWrite).Select(v => v.Name).Distinct().ToList();
        var cmd = new Command("vendor",
            "Run a qla4xxx or be2iscsi vendor command on an iSCSI offload host. Read-only by default: " +
            $"{string.Join(", ", writers[..^1])} and {writers[^1]} are refused (exit 2) unless {ConfirmFlag} is given. Reads print a hex dump " +
            "(-o json: hex or base64 per --encoding); writes read the range back to verify")
        {
            hostArg, verbArg,
        };
        foreach (var option in o.All) cmd.Options.Add(option);

        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var verbName = parse.GetValue(verbArg)!;
            if (!VerbNames.Contains(verbName))
                throw CliException.Usage($"'{verbName}' is not an iSCSI vendor command (qla4xxx: {string.Join(", ", CommandsFor(IscsiDriver.Qla4xxx))}; " +
                                         $"be2iscsi: {string.Join(", ", CommandsFor(IscsiDriver.Be2iscsi))})");
            var host = ctx.Hosts.SelectIscsiHost(parse.GetValue(hostArg)!);
            var driver = IscsiDrivers.FromProcName(host.Driver);
            if (host.Node?.DevicePath is null)
                throw new CliException(ExitCodes.Transport, $"{host.Name} ({host.Driver ?? "unknown driver"}): {NoNodeNote(host)}");
            if (driver == IscsiDriver.Other)
                throw new CliException(ExitCodes.Transport, $"{host.Name}: driver '{host.Driver}' has no known vendor commands (qla4xxx and be2iscsi have)");
            var verb = Verbs.FirstOrDefault(v => v.Name == verbName && v.Driver == driver)
                       ?? throw CliException.Usage($"{verbName} is a {Verbs.First(v => v.Name == verbName).Driver.ProcName()} command; {host.Name} runs {driver.ProcName()} " +
                                                   $"({driver.ProcName()} commands: {string.Join(", ", CommandsFor(driver))})");
            var allowed = verb.Allowed(o);
            foreach (var option in o.Specific)
                if (parse.GetResult(option) is { Implicit: false } && !allowed.Contains(option))
                    throw CliException.Usage($"{option.Name} does not apply to {verb.Key} (it takes: {string.Join(", ", allowed.Select(a => a.Name))})");
            if (verb.IsWrite && !parse.GetValue(o.Yes))
                throw CliException.Usage($"{verb.Name} writes to {host.Name}'s {verb.Writes} " +
                                         $"and can make the adapter unusable; refused without {ConfirmFlag} (nothing was sent)");

            using var client = IscsiHostClient.Open(host, new IscsiClientOptions
            {
                Transport = ctx.Session.Transport(),
                TimeoutMs = ctx.Options.TimeoutMs ?? DefaultTimeoutMs,
                Logger = ctx.LoggerFactory.CreateLogger("bsgkit.iscsi"),
            });
            var run = new VerbRun(parse, o, ctx, host, verb, client, ct);
            await verb.Run(run);
            var dto = run.Dto;

            JsonOutput.Emit(ctx, dto, static c => c.IscsiVendorDto, () => Print(ctx, dto, run.Shown, run.ReadBack));
            if (run.Exit == ExitCodes.Rejected) ctx.Err.WriteLine($"bsgkit: {host.Name}: DIAG_TEST {dto.Test} failed: {dto.CommandStatus}");
            if (dto.Verified == false) ctx.Err.WriteLine($"bsgkit: {host.Name}: {verb.Name}: the range read back differs from the data written");
            return dto.Verified == false ? ExitCodes.Transport : run.Exit;
        });
        return cmd;
    }

    private static string Enc(bool base64) => base64 ? "base64" : "hex";

    private static IscsiVendorDto Verified(IscsiVendorDto dto, byte[] written, byte[]? readBack, bool base64) => readBack is null ? dto : dto with
    {
        Verified = readBack.AsSpan().SequenceEqual(written), Encoding = Enc(base64),
        ReadBack = base64 ? Convert.ToBase64String(readBack) : Fmt.Hex(readBack),
    };

    /// <summary>The verifying read after a write; its failure is a warning (the write itself succeeded).</summary>
    private static async Task<byte[]?> ReadBack(CliContext ctx, IscsiHostInfo host, Func<Task<byte[]>> read)
    {
        try
        {
            return await read();
        }
        catch (IscsiException e)
        {
            if (!ctx.Quiet) ctx.Err.WriteLine($"bsgkit: warning: {host.Name}: the write succeeded but reading it back failed: {ExitCodes.Describe(e)}");
            return null;
        }
    }

    private static void Print(CliContext ctx, IscsiVendorDto d, byte[]? data, byte[]? readBack)
    {
        TableWriter.KeyValues(ctx.Out,
        [
            ("Host", d.Host), ("Driver", d.Driver), ("BSG node", d.BsgNode), ("Command", d.Command),
            ("Region", d.Region?.ToString(CultureInfo.InvariantCulture)), ("Sector size", d.SectorSize?.ToString(CultureInfo.InvariantCulture)),
            ("Sector", d.Sector?.ToString(CultureInfo.InvariantCulture)), ("Offset", d.Offset), ("Flash address", d.Address),
            ("Length", d.Length is int l ? $"{l} bytes" : null), ("ACB type", d.AcbType),
            ("ACB index", d.AcbIndex?.ToString(CultureInfo.InvariantCulture)), ("IP index", d.IpIndex?.ToString(CultureInfo.InvariantCulture)),
            ("Test", d.Test is null ? null : $"{d.Test} ({d.TestCode})"), ("Result", d.Passed is bool p ? p ? "passed" : "FAILED" : null),
            ("Mailbox status", d.CommandStatus), ("IP state", d.IpState),
            ("Status words", d.MailboxStatus is { } m ? string.Join(" ", m) : null),
            ("Field 0", d.Field0?.ToString(CultureInfo.InvariantCulture)), ("Field 1", d.Field1?.ToString(CultureInfo.InvariantCulture)),
            ("Written", d.Written == true ? "yes" : null), ("Verified", d.Verified is bool v ? v ? "yes (read back matches)" : "NO (read back differs)" : null),
        ]);
        if (data is { Length: > 0 })
        {
            ctx.Out.WriteLine("data:");
            foreach (var line in HexInput.Dump(data)) ctx.Out.WriteLine("  " + line);
        }
        if (readBack is { Length: > 0 } && d.Verified == false)
        {
            ctx.Out.WriteLine("read back:");
            foreach (var line in HexInput.Dump(readBack)) ctx.Out.WriteLine("  " + line);
        }
    }

    /// <summary>A 32-bit number: 0x… hex or decimal.</summary>
    internal static uint ParseUInt(string text, string optionName)
    {
        var t = text.Trim();
        var ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            : uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        return ok ? v : throw CliException.Usage($"{optionName} '{text}' is not a number (decimal, or hex as 0x1000)");
    }

    private static uint AcbType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "primary" => Qla4xxxMailbox.PrimaryAcb,
        "secondary" => Qla4xxxMailbox.SecondaryAcb,
        _ => ParseUInt(text, "--acb-type"),
    };

    private static uint DiagTest(string? text)
    {
        if (text is null)
            throw CliException.Usage($"diag-test needs --test ({string.Join(", ", IscsiCodes.Qla4xxxDiagTests.Entries.Select(e => e.Name))}, or a code)");
        var name = text.Trim().Replace('-', '_');
        if (IscsiCodes.Qla4xxxDiagTests.TryGetCode(name, out var code)) return code;
        if (char.IsAsciiDigit(name[0])) return ParseUInt(text, "--test");
        throw CliException.Usage($"--test '{text}' is not a qla4xxx diag test ({string.Join(", ", IscsiCodes.Qla4xxxDiagTests.Entries.Select(e => e.Name))}, or a code)");
    }
}
