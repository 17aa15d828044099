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

    /// <summary>One vendor command of the CLI: its name, the driver that has it, whether it writes.</summary>
    private sealed record Verb(string Name, IscsiDriver Driver, bool Writes, string What);

    private static readonly Verb[] Verbs =
    [
        new("read-flash", IscsiDriver.Qla4xxx, false, "READ_FLASH: --length bytes from flash --offset"),
        new("update-flash", IscsiDriver.Qla4xxx, true, "UPDATE_FLASH: write --data at flash --offset (--flash-options)"),
        new("get-acb-state", IscsiDriver.Qla4xxx, false, "GET_ACB_STATE: IP state of --acb-index / --ip-index"),
        new("read-nvram", IscsiDriver.Qla4xxx, false, "READ_NVRAM: --length bytes from NVRAM --offset"),
        new("update-nvram", IscsiDriver.Qla4xxx, true, "UPDATE_NVRAM: write --data at NVRAM --offset"),
        new("restore-defaults", IscsiDriver.Qla4xxx, true, "RESTORE_DEFAULTS: --region, --field0, --field1"),
        new("get-acb", IscsiDriver.Qla4xxx, false, "GET_ACB: the address control block (--acb-type primary|secondary)"),
        new("diag-test", IscsiDriver.Qla4xxx, false, "DIAG_TEST: run --test (TEST_DDR_RW, 0x3 …)"),
        new("read-flash", IscsiDriver.Be2iscsi, false, "READ_FLASH: --length bytes at --sector × --sector-size + --offset of --region"),
        new("write-flash", IscsiDriver.Be2iscsi, true, "WRITE_FLASH: write --data at --sector × --sector-size + --offset of --region"),
    ];

    private static readonly string[] VerbNames = Verbs.Select(v => v.Name).Distinct().ToArray();

    /// <summary>The CLI's command names for a driver (what `iscsi list` and the errors show).</summary>
    public static IReadOnlyList<string> CommandsFor(IscsiDriver driver) => Verbs.Where(v => v.Driver == driver).Select(v => v.Name).ToList();

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
        var hosts = ctx.IscsiCatalog.IscsiHosts.OrderBy(h => h.HostNumber).ToList();
        if (ctx.HostSpec is { } spec && !ctx.AllHosts)
        {
            // -H filters as it does for list: that iSCSI host, or exit 3 naming it.
            var n = TryParseHost(spec);
            hosts = [.. hosts.Where(h => h.HostNumber == n)];
            if (hosts.Count == 0) _ = SelectHost(ctx, spec);
        }
        var dto = new IscsiListDto(hosts.Select(Host).ToList());
        JsonOutput.Emit(ctx, dto, CliJsonContext.Default.IscsiListDto, () =>
        {
            if (dto.IscsiHosts.Count == 0)
            {
                ctx.Out.WriteLine("No iSCSI hosts on this machine (nothing under /sys/class/iscsi_host).");
                ctx.Out.WriteLine("Try the built-in simulated iSCSI hosts: bsgkit --simulate iscsi iscsi list");
                return;
            }
            var t = new TableWriter("ISCSI HOST", "DRIVER", "STATE", "SPEED", "IP ADDRESS", "MAC", "INITIATOR", "BSG NODE");
            foreach (var h in dto.IscsiHosts)
                t.Row(h.Name, h.Driver, h.State, h.Speed, h.IpAddress, h.HwAddress, h.InitiatorName, h.BsgNode ?? $"({h.BsgNote})");
            t.Write(ctx.Out, !ctx.Quiet);
        });
        return ExitCodes.Ok;
    }

    internal static IscsiHostDto Host(IscsiHostInfo i)
    {
        var driver = IscsiDrivers.FromProcName(i.Driver);
        return new IscsiHostDto(i.Name, i.HostNumber)
        {
            Driver = i.Driver, State = i.PortState, Speed = Fmt.Speed(i.PortSpeed), NetDev = i.NetDev, IpAddress = i.IpAddress, HwAddress = i.HwAddress,
            InitiatorName = i.InitiatorName, BsgNode = i.Node?.DevicePath,
            BsgNote = i.Node?.DevicePath is null ? i.Note ?? i.Node?.Note ?? IscsiHostInfo.NoBsgNodeNote : null,
            Commands = i.Node?.DevicePath is not null && driver != IscsiDriver.Other ? CommandsFor(driver).ToList() : null,
        };
    }

    private static Command BuildVendor(CliHost cli)
    {
        var hostArg = new Argument<string>("HOST") { Description = "the iSCSI host: iscsi_host7, host7 or 7" };
        var verbArg = new Argument<string>("COMMAND")
        {
            Description = "qla4xxx: read-flash, update-flash, get-acb-state, read-nvram, update-nvram, restore-defaults, get-acb, diag-test; " +
                          "be2iscsi: read-flash, write-flash",
        };
        var offset = new Option<string?>("--offset") { Description = "byte offset (hex 0x… or decimal; default 0)" };
        var length = new Option<string?>("--length", "-l") { Description = $"bytes to read (default {DefaultReadLength})" };
        var data = new Option<string?>("--data") { Description = "bytes to write: hex (01020304, 01:02:03:04) or @FILE (binary)" };
        var yes = new Option<bool>(ConfirmFlag) { Description = "confirm a command that writes flash, NVRAM or adapter settings (refused without it)" };
        var noVerify = new Option<bool>("--no-verify") { Description = "after a write, do not read the range back to compare" };
        var encoding = new Option<string>("--encoding") { Description = "how -o json carries bytes: hex or base64", DefaultValueFactory = _ => "hex" };
        encoding.AcceptOnlyFromAmong("hex", "base64");
        var flashOptions = new Option<string?>("--flash-options") { Description = "qla4xxx update-flash: the options word (default 0)" };
        var acbIndex = new Option<string?>("--acb-index") { Description = "get-acb-state: ACB index (0 primary, 1 secondary; default 0)" };
        var ipIndex = new Option<string?>("--ip-index") { Description = "get-acb-state: IP index (default 0)" };
        var acbType = new Option<string?>("--acb-type") { Description = "get-acb: primary (default), secondary, or the number" };
        var test = new Option<string?>("--test") { Description = "diag-test: QL_DIAG_CMD_* name (TEST_DDR_RW, test-nvram …) or code (0x3)" };
        var region = new Option<string?>("--region") { Description = "restore-defaults, be2iscsi read-flash / write-flash: region (default 0)" };
        var field0 = new Option<string?>("--field0") { Description = "restore-defaults: field 0 (default 0)" };
        var field1 = new Option<string?>("--field1") { Description = "restore-defaults: field 1 (default 0)" };
        var sectorSize = new Option<string?>("--sector-size") { Description = "be2iscsi: sector size in bytes (default 4096)" };
        var sector = new Option<string?>("--sector") { Description = "be2iscsi: sector number (default 0)" };

        var cmd = new Command("vendor",
            "Run a qla4xxx or be2iscsi vendor command on an iSCSI offload host. Read-only by default: update-flash, update-nvram, " +
            $"restore-defaults and write-flash are refused (exit 2) unless {ConfirmFlag} is given. Reads print a hex dump " +
            "(-o json: hex or base64 per --encoding); writes read the range back to verify")
        {
            hostArg, verbArg, offset, length, data, yes, noVerify, encoding, flashOptions, acbIndex, ipIndex, acbType, test, region, field0, field1, sectorSize, sector,
        };

        // Which of the command-specific options each command takes (anything else given is a usage error).
        var allowed = new Dictionary<string, Option[]>
        {
            ["qla4xxx read-flash"] = [offset, length],
            ["qla4xxx update-flash"] = [offset, data, flashOptions, yes, noVerify],
            ["qla4xxx get-acb-state"] = [acbIndex, ipIndex],
            ["qla4xxx read-nvram"] = [offset, length],
            ["qla4xxx update-nvram"] = [offset, data, yes, noVerify],
            ["qla4xxx restore-defaults"] = [region, field0, field1, yes],
            ["qla4xxx get-acb"] = [acbType],
            ["qla4xxx diag-test"] = [test],
            ["be2iscsi read-flash"] = [offset, length, region, sectorSize, sector],
            ["be2iscsi write-flash"] = [offset, data, region, sectorSize, sector, yes, noVerify],
        };
        Option[] specific = [offset, length, data, yes, noVerify, flashOptions, acbIndex, ipIndex, acbType, test, region, field0, field1, sectorSize, sector];

        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var verbName = parse.GetValue(verbArg)!;
            if (!VerbNames.Contains(verbName))
                throw CliException.Usage($"'{verbName}' is not an iSCSI vendor command (qla4xxx: {string.Join(", ", CommandsFor(IscsiDriver.Qla4xxx))}; " +
                                         $"be2iscsi: {string.Join(", ", CommandsFor(IscsiDriver.Be2iscsi))})");
            var host = SelectHost(ctx, parse.GetValue(hostArg)!);
            var driver = IscsiDrivers.FromProcName(host.Driver);
            if (host.Node?.DevicePath is null)
                throw new CliException(ExitCodes.Transport, $"{host.Name} ({host.Driver ?? "unknown driver"}): {host.Note ?? host.Node?.Note ?? IscsiHostInfo.NoBsgNodeNote}");
            if (driver == IscsiDriver.Other)
                throw new CliException(ExitCodes.Transport, $"{host.Name}: driver '{host.Driver}' has no known vendor commands (qla4xxx and be2iscsi have)");
            var verb = Verbs.FirstOrDefault(v => v.Name == verbName && v.Driver == driver)
                       ?? throw CliException.Usage($"{verbName} is a {Verbs.First(v => v.Name == verbName).Driver.ProcName()} command; {host.Name} runs {driver.ProcName()} " +
                                                   $"({driver.ProcName()} commands: {string.Join(", ", CommandsFor(driver))})");
            var key = $"{driver.ProcName()} {verb.Name}";
            foreach (var o in specific)
                if (parse.GetResult(o) is { Implicit: false } && !allowed[key].Contains(o))
                    throw CliException.Usage($"{o.Name} does not apply to {key} (it takes: {string.Join(", ", allowed[key].Select(a => a.Name))})");
            if (verb.Writes && !parse.GetValue(yes))
                throw CliException.Usage($"{verb.Name} writes to {host.Name}'s {(verb.Name.Contains("nvram", StringComparison.Ordinal) ? "NVRAM" : verb.Name == "restore-defaults" ? "settings" : "flash")} " +
                                         $"and can make the adapter unusable; refused without {ConfirmFlag} (nothing was sent)");

            uint Num(Option<string?> o, uint fallback) => parse.GetValue(o) is { } s ? ParseUInt(s, o.Name) : fallback;
            int Len()
            {
                var l = Num(length, DefaultReadLength);
                return l is >= 1 and <= MaxLength ? (int)l : throw CliException.Usage($"--length {l}: must be 1..{MaxLength}");
            }
            byte[] Data()
            {
                var d = parse.GetValue(data) is { } text ? HexInput.Parse(text, "--data") : throw CliException.Usage($"{verb.Name} needs --data HEX|@FILE");
                return d.Length is >= 1 and <= MaxLength ? d : throw CliException.Usage($"--data: {d.Length} bytes; a write takes 1..{MaxLength}");
            }
            var base64 = parse.GetValue(encoding) == "base64";
            string Bytes(byte[] b) => base64 ? Convert.ToBase64String(b) : Fmt.Hex(b);

            _ = ctx.Sysfs;
            using var client = IscsiHostClient.Open(host, new IscsiClientOptions
            {
                Transport = ctx.Transport,
                TimeoutMs = ctx.TimeoutMs ?? 30_000,
                Logger = ctx.LoggerFactory.CreateLogger("bsgkit.iscsi"),
            });
            var dto = new IscsiVendorDto(host.Name, driver.ProcName(), verb.Name) { BsgNode = client.DevicePath };
            byte[]? shown = null, readBack = null;
            IReadOnlyList<(string, string?)> fields = [];
            var exit = ExitCodes.Ok;
            var verify = verb.Writes && !parse.GetValue(noVerify);

            switch (key)
            {
                case "qla4xxx read-flash":
                case "qla4xxx read-nvram":
                {
                    var off = Num(offset, 0);
                    var len = Len();
                    shown = key.EndsWith("flash", StringComparison.Ordinal)
                        ? await client.ReadFlashAsync(off, len, ct) : await client.ReadNvramAsync(off, len, ct);
                    dto = dto with { Offset = Fmt.Code(off, 8), Length = shown.Length, Encoding = Enc(base64), Data = Bytes(shown) };
                    break;
                }
                case "qla4xxx update-flash":
                case "qla4xxx update-nvram":
                {
                    var off = Num(offset, 0);
                    var bytes = Data();
                    var nvram = key.EndsWith("nvram", StringComparison.Ordinal);
                    if (nvram) await client.UpdateNvramAsync(off, bytes, allowWrite: true, ct);
                    else await client.UpdateFlashAsync(off, bytes, allowWrite: true, Num(flashOptions, 0), ct);
                    dto = dto with { Offset = Fmt.Code(off, 8), Length = bytes.Length, Written = true };
                    if (verify)
                        readBack = await ReadBack(ctx, host, () => nvram ? client.ReadNvramAsync(off, bytes.Length, ct) : client.ReadFlashAsync(off, bytes.Length, ct));
                    dto = Verified(dto, bytes, readBack, base64);
                    break;
                }
                case "qla4xxx restore-defaults":
                {
                    uint r = Num(region, 0), f0 = Num(field0, 0), f1 = Num(field1, 0);
                    await client.RestoreDefaultsAsync(r, f0, f1, allowWrite: true, ct);
                    dto = dto with { Region = r, Field0 = f0, Field1 = f1, Written = true };
                    break;
                }
                case "qla4xxx get-acb-state":
                {
                    uint a = Num(acbIndex, 0), ip = Num(ipIndex, 0);
                    var s = await client.GetAcbStateAsync(a, ip, ct);
                    dto = dto with
                    {
                        AcbIndex = a, IpIndex = ip, CommandStatus = s.CommandStatusName, IpState = s.IpStateName,
                        MailboxStatus = s.MailboxStatus.Select(w => Fmt.Code(w, 8)).ToList(),
                    };
                    break;
                }
                case "qla4xxx get-acb":
                {
                    var type = AcbType(parse.GetValue(acbType));
                    var acb = await client.GetAcbAsync(type, ct);
                    shown = acb.Data;
                    dto = dto with { AcbType = acb.AcbTypeName, Length = shown.Length, Encoding = Enc(base64), Data = Bytes(shown) };
                    break;
                }
                case "qla4xxx diag-test":
                {
                    var code = DiagTest(parse.GetValue(test));
                    var d = await client.DiagTestAsync(code, ct);
                    dto = dto with
                    {
                        Test = d.TestName ?? IscsiCodes.Qla4xxxDiagTests.NameOf(code), TestCode = Fmt.Code(code), Passed = d.Passed, CommandStatus = d.CommandStatusName,
                        MailboxCommand = d.MailboxCommand.Select(w => Fmt.Code(w, 8)).ToList(), MailboxStatus = d.MailboxStatus.Select(w => Fmt.Code(w, 8)).ToList(),
                    };
                    if (!d.Passed) exit = ExitCodes.Rejected;
                    break;
                }
                case "be2iscsi read-flash":
                {
                    uint r = Num(region, 0), size = Num(sectorSize, 4096), sec = Num(sector, 0), off = Num(offset, 0);
                    shown = await client.ReadFlashRegionAsync(r, size, sec, off, Len(), ct);
                    dto = dto with
                    {
                        Region = r, SectorSize = size, Sector = sec, Offset = Fmt.Code(off, 8), Address = $"0x{Be2iscsiCommands.FlashAddress(size, sec, off):x}",
                        Length = shown.Length, Encoding = Enc(base64), Data = Bytes(shown),
                    };
                    break;
                }
                case "be2iscsi write-flash":
                {
                    uint r = Num(region, 0), size = Num(sectorSize, 4096), sec = Num(sector, 0), off = Num(offset, 0);
                    var bytes = Data();
                    await client.WriteFlashRegionAsync(r, size, sec, off, bytes, allowWrite: true, ct);
                    dto = dto with
                    {
                        Region = r, SectorSize = size, Sector = sec, Offset = Fmt.Code(off, 8), Address = $"0x{Be2iscsiCommands.FlashAddress(size, sec, off):x}",
                        Length = bytes.Length, Written = true,
                    };
                    if (verify) readBack = await ReadBack(ctx, host, () => client.ReadFlashRegionAsync(r, size, sec, off, bytes.Length, ct));
                    dto = Verified(dto, bytes, readBack, base64);
                    break;
                }
            }

            JsonOutput.Emit(ctx, dto, CliJsonContext.Default.IscsiVendorDto, () => Print(ctx, dto, shown, readBack));
            if (exit == ExitCodes.Rejected) ctx.Err.WriteLine($"bsgkit: {host.Name}: DIAG_TEST {dto.Test} failed: {dto.CommandStatus}");
            if (dto.Verified == false) ctx.Err.WriteLine($"bsgkit: {host.Name}: {verb.Name}: the range read back differs from the data written");
            return dto.Verified == false ? ExitCodes.Transport : exit;
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

    /// <summary>iscsi_host7, host7 or 7 among the iSCSI hosts; anything else is exit 3 naming it.</summary>
    /// <summary>The host number of iscsi_hostN, hostN or N; null for anything else.</summary>
    internal static int? TryParseHost(string spec)
    {
        var s = spec.Trim();
        foreach (var prefix in new[] { "iscsi_host", "host" })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && int.TryParse(s[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return n;
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    internal static IscsiHostInfo SelectHost(CliContext ctx, string spec)
    {
        var number = TryParseHost(spec);
        var hosts = ctx.IscsiCatalog.IscsiHosts.OrderBy(h => h.HostNumber).ToList();
        var found = number is int hn ? hosts.FirstOrDefault(h => h.HostNumber == hn) : null;
        if (found is not null) return found;
        var fc = number is int fn && ctx.Catalog.FcHosts.Any(h => h.HostNumber == fn) ? $" (host{number} is an FC host)" : "";
        throw CliException.NotFound($"no iSCSI host matches '{spec}'{fc} (iSCSI hosts: {(hosts.Count == 0 ? "none" : string.Join(", ", hosts.Select(h => h.Name)))})");
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
