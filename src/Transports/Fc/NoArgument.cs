namespace BsgKit.Fc;

/// <summary>The argument of a request that carries no object (GTIN, GZC, RTV, RPSC …): a message type's
/// generic send path always takes one argument, this empty struct stands in when there is nothing to send.</summary>
public readonly record struct NoArgument;
