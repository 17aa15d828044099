namespace BsgKit.Simulator.Kernel;

/// <summary>
/// Caller memory where each copy is a syscall (the sim run server): the fake kernel names, once the header is in,
/// every piece it is about to read, so they can come in with one copy. A hint only: a piece that could not be fetched
/// is read again when asked for, and fails then as it would have.
/// </summary>
internal interface IGatheringUserMemory
{
    /// <summary>Fetches the SG_IO header's request, dout (or din when only din is set) and the ends of a bidi din.</summary>
    void Prefetch(in Bsg.SgIoV4 header);
}
