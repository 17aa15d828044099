namespace BsgKit.Fc.Els;

/// <summary>
/// A self-describing ELS: its command code (payload byte 0), its name from <see cref="Codes.ElsCommands.Table"/>,
/// how much room request and accept need, and how to build one and decode the other. The host and remote-port
/// clients send any of them through one path; members are static, so sending allocates no delegate.
/// </summary>
/// <typeparam name="TArg">The request's contents (<see cref="NoArgument"/> for a bare command word).</typeparam>
/// <typeparam name="TResult">What the LS_ACC decodes to (<c>bool</c> for a bare LS_ACC word).</typeparam>
public interface IElsCommand<TArg, TResult> : IFcAcceptParser<TResult>
{
    /// <summary>The ELS command code, payload byte 0 (an <see cref="Codes.ElsCommands"/> constant).</summary>
    static abstract byte CommandCode { get; }

    /// <summary>The name <see cref="Codes.ElsCommands.Table"/> gives the code ("PLOGI").</summary>
    static abstract string Name { get; }

    /// <summary>Bytes the request for <paramref name="argument"/> may need (dout capacity).</summary>
    static abstract int RequestCapacity(TArg argument);

    /// <summary>The response room (din length) asked for <paramref name="argument"/>, before the driver's segment limit.</summary>
    static abstract int ResponseCapacity(TArg argument);

    /// <summary>Writes the request payload and returns its length.</summary>
    static abstract int BuildRequest(Span<byte> payload, TArg argument);

}
