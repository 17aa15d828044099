using System.CommandLine;
using System.Globalization;
using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.FcBsg;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>bsgkit raw: send a caller-built CT_IU or ELS payload (or vendor words); print status, hex dump and a decode.</summary>
internal static class RawCommand
{
    public static Command Build(CliHost cli)
    {
        var msgcode = new Option<string>("--msgcode") { Description = "ct (HST_CT/RPT_CT, routed per driver), els (HST_ELS_NOLOGIN/RPT_ELS), vendor (HST_VENDOR), or the number (0x80000004)", Required = true };
        var request = new Option<string?>("--request") { Description = "vendor: the vendor command words (hex, first word = command); ct/els build fc_bsg_request from the driver profile" };
        var dout = new Option<string?>("--dout") { Description = "Payload to send: hex (01000000…) or @FILE (binary): the CT_IU with its header, or the ELS payload starting with the command" };
        var dinLen = new Option<int>("--din-len") { Description = "Response buffer bytes", DefaultValueFactory = _ => 2048 };
        var dest = new Option<string?>("--dest", "-d") { Description = "Destination: FC ID, WWPN or rport-H:C-N (ct: default the GS_Type's well-known address; els: required)" };
        var yes = new Option<bool>(ExitCodes.ConfirmFlag) { Description = "send a request that changes fabric or port state (registrations, DA_ID, FDMI, zone changes, logins, LIRR, SRL …); refused without it" };
        var cmd = new Command("raw", $"Send raw CT / ELS / vendor passthrough; print the reply, a hex dump and what it decodes to. Requests with a known state-changing code are refused without {ExitCodes.ConfirmFlag}")
        {
            msgcode, request, dout, dinLen, dest, yes,
        };
        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var kind = Kind(parse.GetValue(msgcode)!);
            var payload = parse.GetValue(dout) is { } d ? HexInput.Parse(d, "--dout") : [];
            var din = parse.GetValue(dinLen);
            if (din is < 0 or > 1 << 20) throw CliException.Usage($"--din-len {din}: must be 0..1048576");
            var words = parse.GetValue(request) is { } r ? (kind == FcBsgMsgCode.HostVendor ? HexInput.ParseWords(r, "--request")
                : throw CliException.Usage("--request is only for --msgcode vendor; for ct and els the request is built from the driver profile (use --dout)")) : null;
            var destSpec = parse.GetValue(dest);
            var client = ctx.Session.OpenHost(ctx.Hosts.SelectHostFor(destSpec), allowStateChanges: parse.GetValue(yes));
            FcId? destination = destSpec is null ? null : await ctx.Hosts.ResolvePortAsync(client, destSpec, ct);
            FcExchangeResult x;
            switch (kind)
            {
                case FcBsgMsgCode.HostCt or FcBsgMsgCode.RportCt:
                    if (payload.Length < CtIuHeader.Size) throw CliException.Usage($"--dout: a CT_IU is at least {CtIuHeader.Size} bytes ({payload.Length} given)");
                    x = await client.SendCtAsync(payload, din, destination, ct);
                    break;
                case FcBsgMsgCode.HostElsNoLogin or FcBsgMsgCode.RportEls:
                    if (payload.Length < 4) throw CliException.Usage("--dout: an ELS payload starts with its 4-byte command word");
                    x = await client.SendElsAsync(destination ?? throw CliException.Usage("--dest is required for ELS"), payload, din, ct);
                    break;
                default:
                    x = await client.SendVendorAsync(words ?? throw CliException.Usage("--request (vendor command words) is required for vendor"), payload, din, null, ct);
                    break;
            }
            var dto = Dto(client.Host.Name, x, kind);
            JsonOutput.Emit(ctx, dto, static c => c.RawDto, () => Print(ctx, dto, x));
            if (!x.IsAccepted) ctx.Err.WriteLine($"bsgkit: {ExitCodes.Describe(FcException.For(x))}");
            return ExitCodes.For(x);
        });
        return cmd;
    }

    private static FcBsgMsgCode Kind(string s)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "ct" or "hst_ct" or "rpt_ct": return FcBsgMsgCode.HostCt;
            case "els" or "hst_els" or "hst_els_nologin" or "rpt_els": return FcBsgMsgCode.HostElsNoLogin;
            case "vendor" or "hst_vendor": return FcBsgMsgCode.HostVendor;
        }
        var t = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;
        if (uint.TryParse(t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) && Enum.IsDefined((FcBsgMsgCode)v)
            && (FcBsgMsgCode)v is not (FcBsgMsgCode.HostAddRport or FcBsgMsgCode.HostDelRport))
            return (FcBsgMsgCode)v;
        throw CliException.Usage($"--msgcode '{s}' is not one of ct, els, vendor, 0x80000003, 0x80000004, 0x800000ff, 0x40000001, 0x40000002");
    }

    private static RawDto Dto(string host, FcExchangeResult x, FcBsgMsgCode requested) => new(host, x.MsgCode.NameOf(), x.Status.ToString())
    {
        Ok = x.IsAccepted, Error = x.IsAccepted ? null : ExitCodes.Describe(FcException.For(x)), ExitCode = x.IsAccepted ? null : ExitCodes.For(x),
        Destination = x.Destination?.ToString(), Detail = x.Detail, Errno = x.Errno == 0 ? null : x.Errno, ErrnoName = x.ErrnoName,
        DurationMs = Math.Round(x.Duration.TotalMilliseconds, 3), RejectReason = x.RejectReasonName, RejectExplanation = x.RejectExplanationName,
        ReceivedLength = x.ReceivedLength, Response = Fmt.Hex(x.Response.Span), Reply = Fmt.Hex(x.Reply.Span), Decoded = Decode(x, requested),
    };

    private static string? Decode(FcExchangeResult x, FcBsgMsgCode requested)
    {
        if (x.CtHeader is { } h)
            return h.IsAccept ? $"CT accept (FS_ACC) from {h.ServerName}, {x.ReceivedLength} bytes, residual {x.CtResidualWords} words"
                : $"CT reject (FS_RJT) from {h.ServerName}: {h.ReasonName} / {h.ExplanationName}";
        if (x.ElsReject is { } l) return $"LS_RJT: {l.ReasonName} / {l.ExplanationName}";
        if (requested is FcBsgMsgCode.HostElsNoLogin && x.IsAccepted && x.Response.Length > 0)
            return $"{ElsCommands.Table.NameOf(x.Response.Span[0])}, {x.ReceivedLength} bytes";
        return x.Detail;
    }

    private static void Print(CliContext ctx, RawDto d, FcExchangeResult x)
    {
        TableWriter.KeyValues(ctx.Out,
        [
            ("Msgcode", d.MsgCode), ("Destination", d.Destination), ("Status", d.Status), ("Decoded", d.Decoded),
            ("Errno", d.Errno is int e ? $"{e} ({d.ErrnoName})" : null), ("Duration", $"{d.DurationMs:0.###} ms"), ("Received", $"{d.ReceivedLength} bytes"),
        ]);
        if (x.Reply.Length > 0)
        {
            ctx.Out.WriteLine("fc_bsg_reply:");
            foreach (var line in HexInput.Dump(x.Reply.Span)) ctx.Out.WriteLine("  " + line);
        }
        if (x.Response.Length > 0)
        {
            ctx.Out.WriteLine("response:");
            foreach (var line in HexInput.Dump(x.Response.Span)) ctx.Out.WriteLine("  " + line);
        }
    }
}

/// <summary>bsgkit vendor: FC_BSG_HST_VENDOR with the vendor id of the host's driver (lpfc, qla2xxx …).</summary>
internal static class VendorCommand
{
    public static Command Build(CliHost cli)
    {
        var words = new Argument<string>("COMMAND") { Description = "vendor command words in hex, first = command code (e.g. \"6\" = lpfc GET_MGMT_REV)" };
        var dout = new Option<string?>("--dout") { Description = "data to send: hex or @FILE" };
        var dinLen = new Option<int>("--din-len") { Description = "response buffer bytes", DefaultValueFactory = _ => 256 };
        var vendorId = new Option<string?>("--vendor-id") { Description = "override the vendor id the driver profile gives (hex)" };
        var cmd = new Command("vendor", "Vendor passthrough (FC_BSG_HST_VENDOR); the vendor id comes from the driver (lpfc, qla2xxx, bfa …)") { words, dout, dinLen, vendorId };
        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var w = HexInput.ParseWords(parse.GetValue(words)!, "COMMAND");
            var payload = parse.GetValue(dout) is { } d ? HexInput.Parse(d, "--dout") : [];
            ulong? id = null;
            if (parse.GetValue(vendorId) is { } v)
            {
                var t = v.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? v[2..] : v;
                id = ulong.TryParse(t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsed) ? parsed
                    : throw CliException.Usage($"--vendor-id '{v}' is not hex");
            }
            var client = ctx.Session.OpenHost(ctx.Hosts.SelectHost());
            var x = await client.SendVendorAsync(w, payload, parse.GetValue(dinLen), id, ct);
            var dto = new VendorDto(client.Host.Name, $"0x{(id ?? client.Profile.VendorId ?? 0):x16}", x.Status.ToString())
            {
                Detail = x.Detail, Reply = Fmt.Hex(x.Reply.Span), Response = Fmt.Hex(x.Response.Span), DurationMs = Math.Round(x.Duration.TotalMilliseconds, 3),
                Ok = x.IsAccepted, Error = x.IsAccepted ? null : ExitCodes.Describe(FcException.For(x)), ExitCode = x.IsAccepted ? null : ExitCodes.For(x),
            };
            JsonOutput.Emit(ctx, dto, static c => c.VendorDto, () =>
            {
                TableWriter.KeyValues(ctx.Out, [("Host", dto.Host), ("Vendor id", dto.VendorId), ("Status", dto.Status), ("Detail", dto.Detail)]);
                if (x.Reply.Length > 0) { ctx.Out.WriteLine("reply:"); foreach (var l in HexInput.Dump(x.Reply.Span)) ctx.Out.WriteLine("  " + l); }
                if (x.Response.Length > 0) { ctx.Out.WriteLine("response:"); foreach (var l in HexInput.Dump(x.Response.Span)) ctx.Out.WriteLine("  " + l); }
            });
            if (!x.IsAccepted) ctx.Err.WriteLine($"bsgkit: {ExitCodes.Describe(FcException.For(x))}");
            return ExitCodes.For(x);
        });
        return cmd;
    }
}
