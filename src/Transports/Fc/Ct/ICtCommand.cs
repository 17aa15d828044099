using BsgKit.Fc.Profiles;

namespace BsgKit.Fc.Ct;

/// <summary>
/// What names a CT command on the wire: the fabric service it goes to, its command code and the name the
/// server's code table gives that code. Implemented by every CT codec (<c>GpnId</c>, <c>Gpl</c>, <c>Gazs</c> …).
/// </summary>
public interface ICtMessage
{
    /// <summary>GS_Type/GS_Subtype the request is addressed to (CT_IU bytes 4–5).</summary>
    static abstract CtServer Server { get; }

    /// <summary>The command code (CT_IU bytes 8–9), a constant of the server's code table.</summary>
    static abstract ushort CommandCode { get; }

    /// <summary>The command's name as the server's code table spells it ("GPN_ID"); used in errors and counters.</summary>
    static abstract string Name { get; }
}

/// <summary>
/// A self-describing CT command: everything <see cref="Clients.FcClient.CtAsync{TCommand,TArg,TResult}(TArg,System.Threading.CancellationToken)"/>
/// needs to send it and decode the accept, so a command is described once, in its codec. Members are static:
/// the client dispatches on the type parameter, so sending allocates no delegate or closure.
/// </summary>
/// <typeparam name="TArg">The request object (a value tuple when there are several; <see cref="NoArgument"/> when none).</typeparam>
/// <typeparam name="TResult">What the accept decodes to.</typeparam>
public interface ICtCommand<TArg, TResult> : ICtMessage, IFcAcceptParser<TResult>
{
    /// <summary>Bytes the request may need (dout capacity, header included); the built length is what is sent.</summary>
    static abstract int RequestCapacity { get; }

    /// <summary>The response room asked for (ct_mr_size and din length, header included) when the caller gives none.</summary>
    static abstract int DefaultResponseBytes { get; }

    /// <summary>
    /// The response room for <paramref name="requested"/> bytes on a driver: list responses are clipped to the
    /// driver's entry and byte caps (<see cref="FcDriverProfile.ListResponseBytes"/>); others keep the request.
    /// </summary>
    static virtual int ResponseBytes(FcDriverProfile profile, int requested) => requested;

    /// <summary>Writes the whole CT_IU into <paramref name="ctIu"/> and returns its length; <paramref name="maxResponseBytes"/> goes in ct_mr_size where the command has one.</summary>
    static abstract int BuildRequest(Span<byte> ctIu, TArg argument, int maxResponseBytes);

}
