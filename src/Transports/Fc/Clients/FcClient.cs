using System.Runtime.CompilerServices;
using BsgKit.Bsg;
using BsgKit.Fc.Ct;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;
using BsgKit.Fc.Wire;
using Microsoft.Extensions.Logging;

namespace BsgKit.Fc.Clients;

/// <summary>Writes a CT_IU into <paramref name="ctIu"/> and returns its length; <paramref name="maxResponseBytes"/> goes in ct_mr_size.</summary>
public delegate int CtRequestBuilder<TArg>(Span<byte> ctIu, TArg argument, int maxResponseBytes);

/// <summary>Writes an ELS request payload and returns its length.</summary>
public delegate int ElsRequestBuilder<TArg>(Span<byte> payload, TArg argument);

/// <summary>Decodes an accepted response (CT_IU or ELS payload) of exactly the received length.</summary>
public delegate T ResponseParser<T>(ReadOnlySpan<byte> response);

/// <summary>Where one request goes: which node, which msgcode, which FC ID.</summary>
internal readonly record struct FcRoute(FcNode Node, FcBsgMsgCode MsgCode, FcId? Destination);

/// <summary>
/// What host and remote-port clients share: the request path (pooled transaction, request built in place,
/// per-host gate, interpretation under the driver profile) and the typed CT commands. Subclasses decide routing.
/// </summary>
public abstract partial class FcClient : IDisposable
{
    private protected FcClient(FcNode node, FcSession session, bool ownsSession)
    {
        PrimaryNode = node;
        Session = session;
        _ownsSession = ownsSession;
    }

    private readonly bool _ownsSession;
    private protected FcNode PrimaryNode { get; }
    private protected FcSession Session { get; }

    public FcDriverProfile Profile => Session.Profile;
    public string DevicePath => PrimaryNode.Path;
    private protected ILogger Logger => Session.Logger;

    /// <summary>Where CT for <paramref name="gsType"/> to <paramref name="destination"/> goes; throws <see cref="FcNotSupportedException"/>.</summary>
    private protected abstract FcRoute RouteCt(FcId destination, byte gsType);

    /// <summary>Where an ELS to <paramref name="destination"/> goes (null = this rport); throws <see cref="FcNotSupportedException"/>.</summary>
    private protected abstract FcRoute RouteEls(FcId? destination);

    private protected FcNotSupportedException NotSupported(string what, string hint) =>
        new(DevicePath, $"the {Profile} driver does not support {what}", hint);

    private protected void RequireUsable()
    {
        if (Profile.UnsupportedReason is { } reason)
            throw new FcNotSupportedException(DevicePath, $"{Profile}: {reason}", "this driver cannot be used through generic FC bsg passthrough");
    }

    private protected void RequireMsgCode(FcBsgMsgCode code, string hint)
    {
        RequireUsable();
        if (!Profile.Supports(code)) throw NotSupported(code.NameOf(), hint);
    }

    private void CheckCtRoute(in FcRoute route, byte gsType)
    {
        if (route.MsgCode == FcBsgMsgCode.HostCt && Profile.HostCtGsTypes is { } allowed && !Contains(allowed, gsType))
            throw NotSupported($"HST_CT to GS_Type 0x{gsType:x2} ({Codes.GsTypes.Types.NameOf(gsType)})",
                $"{Profile.Name} passes HST_CT only to GS_Types {Hex(allowed)}");
    }

    /// <param name="what">What is sent: "<paramref name="what"/> request" names it (built only for the error).</param>
    private void CheckSegment(int bytes, string what)
    {
        if (Profile.MaxSingleSegmentBytes is int seg && bytes > seg)
            throw NotSupported($"a {bytes}-byte {what} request (single segments of at most {seg} bytes)", "send a smaller request");
    }

    /// <summary>Refuses a request that changes fabric or port state unless the client allows it (nothing is sent).</summary>
    private void GuardStateChange(string? wouldDo, string operation, FcId? destination)
    {
        if (wouldDo is null || Session.AllowStateChanges) return;
        throw new FcStateChangeRefusedException(DevicePath, destination is { } d ? $"{operation} to {d}" : operation, wouldDo);
    }

    private static string? CtStateChange(ReadOnlySpan<byte> ctIu) => ctIu.Length < CtIuHeader.Size ? null
        : Codes.StateChangingRequests.DescribeCt(ctIu[4], ctIu[5], System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(ctIu[8..]));

    private static bool Contains(IReadOnlyList<byte> list, byte value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return true;
        return false;
    }

    private static string Hex(IReadOnlyList<byte> list) => string.Join(", ", list.Select(b => $"0x{b:x2}"));

    /// <summary>Writes fc_bsg_request for a CT_IU already in dout, placing and encoding the preamble per profile.</summary>
    internal static void WriteCtRequest(Span<byte> request, ReadOnlySpan<byte> ctIu, FcBsgMsgCode code, FcId destination, FcDriverProfile profile)
    {
        var preamble = profile.PreambleEncoding switch
        {
            CtPreambleEncoding.Integer => CtPreambleWords.IntegerEncoding(ctIu),
            CtPreambleEncoding.RawBytes => CtPreambleWords.RawBytes(ctIu),
            _ => default,
        };
        if (code == FcBsgMsgCode.RportCt)
        {
            FcBsgRequest.BuildRportCt(request, preamble);
            return;
        }
        FcBsgRequest.BuildHostCt(request, destination, preamble, profile.HostCtPortIdOrder);
        if (profile.PreamblePlacement == CtPreamblePlacement.RportCtLayout)
        {
            // zfcp reads r_ct.preamble_word1 (@8) even for HST_CT; port_id @5 stays for readers, @16 is left zero.
            HostEndian.WriteUInt32(request[8..], preamble.Word1);
            HostEndian.WriteUInt32(request[12..], preamble.Word2);
            HostEndian.WriteUInt32(request[16..], 0);
        }
    }

    internal static void WriteElsRequest(Span<byte> request, byte command, FcBsgMsgCode code, FcId? destination, FcDriverProfile profile)
    {
        if (code == FcBsgMsgCode.HostElsNoLogin)
            FcBsgRequest.BuildHostElsNoLogin(request, command, destination ?? default, profile.HostElsPortIdOrder);
        else
            FcBsgRequest.BuildRportEls(request, command);
    }

    /// <summary>
    /// The typed CT path: route, build the CT_IU in the pooled dout, send, and decode an accept in place.
    /// Anything but an accept throws the typed <see cref="FcException"/>. A request that completes at once (one nobody
    /// can cancel runs on the caller's thread) returns a completed ValueTask and allocates nothing.
    /// </summary>
    public ValueTask<FcResponse<T>> CtAsync<TArg, T>(CtServer server, string operation, int requestCapacity, int maxResponseBytes,
        TArg argument, CtRequestBuilder<TArg> build, ResponseParser<T> parse, CancellationToken cancellationToken = default, FcId? destination = null)
    {
        var dest = destination ?? server.WellKnownAddress;
        var route = RouteCt(dest, server.GsType);
        CheckCtRoute(route, server.GsType);
        var dinLength = Profile.ResponseBytes(Math.Max(maxResponseBytes, CtIuHeader.Size));
        var node = route.Node;
        var tx = node.Rent(FcBsgRequest.Size, requestCapacity, dinLength);
        ValueTask<FcExchangeOutcome> pending;
        try
        {
            var length = build(tx.Dout, argument, dinLength);
            GuardStateChange(CtStateChange(tx.Dout), operation, dest);
            CheckSegment(length, operation);
            FcNode.TrimDout(tx, length);
            WriteCtRequest(tx.Request, tx.Dout, route.MsgCode, dest, Profile);
            pending = node.ExecuteOutcomeAsync(tx, FcPayloadKind.Ct, route.MsgCode, operation, route.Destination, false, cancellationToken);
        }
        catch
        {
            node.Return(tx);
            throw;
        }
        return Complete(node, tx, pending, parse);
    }

    /// <summary>The typed ELS path (see <see cref="CtAsync{TArg,T}"/>).</summary>
    private protected ValueTask<FcResponse<T>> ElsAsync<TArg, T>(FcId? destination, byte command, string operation, int requestCapacity,
        int maxResponseBytes, TArg argument, ElsRequestBuilder<TArg> build, ResponseParser<T> parse, CancellationToken cancellationToken)
    {
        GuardStateChange(Codes.StateChangingRequests.DescribeEls(command), operation, destination);
        var route = RouteEls(destination);
        var node = route.Node;
        var tx = node.Rent(FcBsgRequest.Size, requestCapacity, Profile.ResponseBytes(maxResponseBytes));
        ValueTask<FcExchangeOutcome> pending;
        try
        {
            var length = build(tx.Dout, argument);
            CheckSegment(length, operation);
            FcNode.TrimDout(tx, length);
            WriteElsRequest(tx.Request, command, route.MsgCode, route.Destination, Profile);
            pending = node.ExecuteOutcomeAsync(tx, FcPayloadKind.Els, route.MsgCode, operation, route.Destination, false, cancellationToken);
        }
        catch
        {
            node.Return(tx);
            throw;
        }
        return Complete(node, tx, pending, parse);
    }

    /// <summary>Decodes the answer and gives the transaction back: at once when the exchange is done, else when it is.</summary>
    private static ValueTask<FcResponse<T>> Complete<T>(FcNode node, BsgTransaction tx, ValueTask<FcExchangeOutcome> pending, ResponseParser<T> parse)
    {
        if (!pending.IsCompletedSuccessfully) return CompleteAsync(node, tx, pending, parse);
        try
        {
            var exchange = pending.Result;
            return new ValueTask<FcResponse<T>>(new FcResponse<T>(Decode(exchange, tx.Din[..exchange.ReceivedLength], parse), exchange));
        }
        finally
        {
            node.Return(tx);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<FcResponse<T>> CompleteAsync<T>(FcNode node, BsgTransaction tx, ValueTask<FcExchangeOutcome> pending, ResponseParser<T> parse)
    {
        try
        {
            var exchange = await pending.ConfigureAwait(false);
            return new FcResponse<T>(Decode(exchange, tx.Din[..exchange.ReceivedLength], parse), exchange);
        }
        finally
        {
            node.Return(tx);
        }
    }

    private static T Decode<T>(in FcExchangeOutcome exchange, ReadOnlySpan<byte> response, ResponseParser<T> parse)
    {
        if (!exchange.IsAccepted) throw FcException.For(exchange.ToResult());
        try
        {
            return parse(response);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
        {
            // FcWireFormatException is a FormatException; the rest guard against a codec that missed a hostile case.
            throw new FcMalformedResponseException(exchange.ToResult(), e.Message, e);
        }
    }

    /// <summary>
    /// Sends a caller-built CT_IU (header included) and returns the raw result with the received bytes; never
    /// throws for rejects or failures (read <see cref="FcExchangeResult.Status"/>). <paramref name="destination"/>
    /// defaults to the well-known address of the CT_IU's GS_Type.
    /// </summary>
    public async Task<FcExchangeResult> SendCtAsync(ReadOnlyMemory<byte> ctIu, int maxResponseBytes, FcId? destination = null,
        CancellationToken cancellationToken = default)
    {
        if (ctIu.Length < CtIuHeader.Size) throw new ArgumentException($"a CT_IU is at least {CtIuHeader.Size} bytes", nameof(ctIu));
        var header = CtIuHeader.Read(ctIu.Span);
        var dest = destination ?? header.Server.WellKnownAddress;
        GuardStateChange(CtStateChange(ctIu.Span), $"CT {header.CommandName}", dest);
        var route = RouteCt(dest, header.GsType);
        CheckCtRoute(route, header.GsType);
        CheckSegment(ctIu.Length, "CT");
        var node = route.Node;
        var tx = node.Rent(FcBsgRequest.Size, ctIu.Length, Profile.ResponseBytes(Math.Max(maxResponseBytes, CtIuHeader.Size)));
        try
        {
            ctIu.Span.CopyTo(tx.Dout);
            WriteCtRequest(tx.Request, tx.Dout, route.MsgCode, dest, Profile);
            var op = $"CT 0x{header.CommandResponse:x4} ({header.ServerName})";
            return await node.ExecuteAsync(tx, FcPayloadKind.Ct, route.MsgCode, op, route.Destination, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            node.Return(tx);
        }
    }

    private protected async Task<FcExchangeResult> SendElsCoreAsync(FcId? destination, ReadOnlyMemory<byte> payload, int maxResponseBytes,
        CancellationToken cancellationToken)
    {
        if (payload.IsEmpty) throw new ArgumentException("an ELS payload starts with its command code", nameof(payload));
        GuardStateChange(Codes.StateChangingRequests.DescribeEls(payload.Span[0]), $"ELS {Codes.ElsCommands.Table.NameOf(payload.Span[0])}", destination);
        var route = RouteEls(destination);
        CheckSegment(payload.Length, "ELS");
        var node = route.Node;
        var tx = node.Rent(FcBsgRequest.Size, payload.Length, Profile.ResponseBytes(Math.Max(maxResponseBytes, 4)));
        try
        {
            payload.Span.CopyTo(tx.Dout);
            WriteElsRequest(tx.Request, payload.Span[0], route.MsgCode, route.Destination, Profile);
            var op = $"ELS 0x{payload.Span[0]:x2} ({Codes.ElsCommands.Table.NameOf(payload.Span[0])})";
            return await node.ExecuteAsync(tx, FcPayloadKind.Els, route.MsgCode, op, route.Destination, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            node.Return(tx);
        }
    }

    public virtual void Dispose()
    {
        PrimaryNode.Dispose();
        if (_ownsSession) Session.Dispose();
        GC.SuppressFinalize(this);
    }
}

public abstract partial class FcClient
{
    /// <summary>For ELS whose accept is the bare LS_ACC word (LOGO, LIRR, SRL).</summary>
    private protected static bool Accepted(ReadOnlySpan<byte> response, string messageName)
    {
        Els.ElsReply.ParseAccept(response, messageName);
        return true;
    }
}
