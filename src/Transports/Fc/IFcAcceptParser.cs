namespace BsgKit.Fc;

/// <summary>
/// The decoding half of a self-describing message (<see cref="Ct.ICtCommand{TArg,TResult}"/>,
/// <see cref="Els.IElsCommand{TArg,TResult}"/>): the clients' one completion path calls it on the accepted bytes.
/// </summary>
/// <typeparam name="TResult">What the accept decodes to.</typeparam>
public interface IFcAcceptParser<TResult>
{
    /// <summary>Decodes an accept (FS_ACC or LS_ACC) of exactly the received length; a reject throws an
    /// <see cref="Wire.FcRejectReplyException"/>, anything malformed a <see cref="Wire.FcWireFormatException"/>.</summary>
    static abstract TResult ParseAccept(ReadOnlySpan<byte> response);
}
