using System.Runtime.CompilerServices;
using BsgKit.Bsg;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Els;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;
using BsgKit.Fc.Wire;
using Microsoft.Extensions.Logging;

namespace BsgKit.Fc.Clients;

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

    /// <summary>The driver profile requests are built and read under (detected from proc_name unless the options name one).</summary>
    public FcDriverProfile Profile => Session.Profile;
    /// <summary>The bsg node this client opened (/dev/bsg/fc_hostN or /dev/bsg/rport-H:C-N).</summary>
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
            throw GsTypeNotPassed(gsType, allowed);
    }

    // The messages of the checks on the request path are built out of line: inlined, their string handlers and temporaries
    // made the typed path's frame kilobytes deep, zeroed on every request.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private FcNotSupportedException GsTypeNotPassed(byte gsType, IReadOnlyList<byte> allowed) =>
        NotSupported($"HST_CT to GS_Type 0x{gsType:x2} ({Codes.GsTypes.Types.NameOf(gsType)})",
            $"{Profile.Name} passes HST_CT only to GS_Types {Hex(allowed)}");

    /// <summary>Throws when the profile carries single segments only and <paramref name="bytes"/> exceeds that segment.</summary>
    /// <param name="bytes">The request's length in bytes.</param>
    /// <param name="what">What is sent: "<paramref name="what"/> request" names it (built only for the error).</param>
    private void CheckSegment(int bytes, string what)
    {
        if (Profile.MaxSingleSegmentBytes is int seg && bytes > seg) throw SegmentTooLarge(bytes, what, seg);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private FcNotSupportedException SegmentTooLarge(int bytes, string what, int seg) =>
        NotSupported($"a {bytes}-byte {what} request (single segments of at most {seg} bytes)", "send a smaller request");

    /// <summary>Refuses a request that changes fabric or port state unless the client allows it (nothing is sent).</summary>
    private void GuardStateChange(string? wouldDo, string operation, FcId? destination)
    {
        if (wouldDo is null || Session.AllowStateChanges) return;
        throw StateChangeRefused(wouldDo, operation, destination);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private FcStateChangeRefusedException StateChangeRefused(string wouldDo, string operation, FcId? destination) =>
        new(DevicePath, destination is { } d ? $"{operation} to {d}" : operation, wouldDo);

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
    /// Sends any CT command described by <typeparamref name="TCommand"/> with its default response room
    /// (<see cref="ICtCommand{TArg,TResult}.DefaultResponseBytes"/>). See <see cref="CtAsync{TCommand,TArg,TResult}(TArg,int,CancellationToken)"/>.
    /// </summary>
    public ValueTask<FcResponse<TResult>> CtAsync<TCommand, TArg, TResult>(TArg argument, CancellationToken cancellationToken = default)
        where TCommand : ICtCommand<TArg, TResult> =>
        CtAsync<TCommand, TArg, TResult>(argument, TCommand.DefaultResponseBytes, cancellationToken);

    /// <summary>
    /// The one typed CT path: route to the command's server, build the CT_IU in the pooled dout, send, and decode
    /// an accept in place. <paramref name="maxResponseBytes"/> is clipped to the driver's limits (list caps for
    /// list responses). Anything but an accept throws the typed <see cref="FcException"/>. The command's members
    /// are static, so nothing is allocated for the call itself; a request that completes at once (one nobody can
    /// cancel runs on the caller's thread) returns a completed ValueTask and allocates nothing beyond its result.
    /// </summary>
    /// <typeparam name="TCommand">The codec (<c>GpnId</c>, <c>Gpl</c> …) that describes the command.</typeparam>
    /// <typeparam name="TArg">Its request object.</typeparam>
    /// <typeparam name="TResult">What its accept decodes to.</typeparam>
    public ValueTask<FcResponse<TResult>> CtAsync<TCommand, TArg, TResult>(TArg argument, int maxResponseBytes, CancellationToken cancellationToken = default)
        where TCommand : ICtCommand<TArg, TResult>
    {
        var server = TCommand.Server;
        var operation = TCommand.Name;
        var dest = server.WellKnownAddress;
        var route = RouteCt(dest, server.GsType);
        CheckCtRoute(route, server.GsType);
        var dinLength = Profile.ResponseBytes(Math.Max(TCommand.ResponseBytes(Profile, maxResponseBytes), CtIuHeader.Size));
        var node = route.Node;
        var tx = node.Rent(FcBsgRequest.Size, TCommand.RequestCapacity, dinLength);
        ValueTask<FcExchangeOutcome> pending;
        try
        {
            var length = TCommand.BuildRequest(tx.Dout, argument, dinLength);
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
        return Complete<TCommand, TResult>(node, tx, pending);
    }

    /// <summary>
    /// The one typed ELS path, shared by the host client (to <paramref name="destination"/>) and the remote-port
    /// client (null: its rport): guard, route, build the payload in the pooled dout, send, decode (see
    /// <see cref="CtAsync{TCommand,TArg,TResult}(TArg,int,CancellationToken)"/>).
    /// </summary>
    private protected ValueTask<FcResponse<TResult>> ElsCoreAsync<TCommand, TArg, TResult>(FcId? destination, TArg argument, CancellationToken cancellationToken)
        where TCommand : IElsCommand<TArg, TResult>
    {
        var operation = TCommand.Name;
        GuardStateChange(Codes.StateChangingRequests.DescribeEls(TCommand.CommandCode), operation, destination);
        var route = RouteEls(destination);
        var node = route.Node;
        var tx = node.Rent(FcBsgRequest.Size, TCommand.RequestCapacity(argument), Profile.ResponseBytes(TCommand.ResponseCapacity(argument)));
        ValueTask<FcExchangeOutcome> pending;
        try
        {
            var length = TCommand.BuildRequest(tx.Dout, argument);
            CheckSegment(length, operation);
            FcNode.TrimDout(tx, length);
            WriteElsRequest(tx.Request, TCommand.CommandCode, route.MsgCode, route.Destination, Profile);
            pending = node.ExecuteOutcomeAsync(tx, FcPayloadKind.Els, route.MsgCode, operation, route.Destination, false, cancellationToken);
        }
        catch
        {
            node.Return(tx);
            throw;
        }
        return Complete<TCommand, TResult>(node, tx, pending);
    }

    /// <summary>Decodes the answer and gives the transaction back: at once when the exchange is done, else when it is.</summary>
    private static ValueTask<FcResponse<T>> Complete<TParser, T>(FcNode node, BsgTransaction tx, ValueTask<FcExchangeOutcome> pending)
        where TParser : IFcAcceptParser<T>
    {
        if (!pending.IsCompletedSuccessfully) return CompleteAsync<TParser, T>(node, tx, pending);
        try
        {
            var exchange = pending.Result;
            return new ValueTask<FcResponse<T>>(new FcResponse<T>(Decode<TParser, T>(exchange, tx.Din[..exchange.ReceivedLength]), exchange));
        }
        finally
        {
            node.Return(tx);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<FcResponse<T>> CompleteAsync<TParser, T>(FcNode node, BsgTransaction tx, ValueTask<FcExchangeOutcome> pending)
        where TParser : IFcAcceptParser<T>
    {
        try
        {
            var exchange = await pending.ConfigureAwait(false);
            return new FcResponse<T>(Decode<TParser, T>(exchange, tx.Din[..exchange.ReceivedLength]), exchange);
        }
        finally
        {
            node.Return(tx);
        }
    }

    private static T Decode<TParser, T>(in FcExchangeOutcome exchange, ReadOnlySpan<byte> response)
        where TParser : IFcAcceptParser<T>
    {
        if (!exchange.IsAccepted) throw NotAccepted(exchange);
        try
        {
            return TParser.ParseAccept(response);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
        {
            // FcWireFormatException is a FormatException; the rest guard against a codec that missed a hostile case.
            throw Malformed(exchange, e);
        }
    }

    // The result objects of the failures are made out of line: inlined, they were temporaries of every request's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FcException NotAccepted(in FcExchangeOutcome exchange) => FcException.For(exchange.ToResult());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FcMalformedResponseException Malformed(in FcExchangeOutcome exchange, Exception e) => new(exchange.ToResult(), e.Message, e);

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

    /// <summary>Closes the node, and the session (buffer pool, per-host gate) when this client owns it.</summary>
    public virtual void Dispose()
    {
        PrimaryNode.Dispose();
        if (_ownsSession) Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
