using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;

namespace BsgKit.Fc.Clients;

public sealed partial class FcRemotePortClient
{
    /// <summary>Port login (PLOGI) with the given service parameters; returns the responder's. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<ServiceParameters>> PlogiAsync(ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Plogi, ServiceParameters, ServiceParameters>(parameters, cancellationToken);

    /// <summary>Fabric login (FLOGI). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FlogiAsync(ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Flogi, ServiceParameters, ServiceParameters>(parameters, cancellationToken);

    /// <summary>Fabric discovery (FDISC). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FdiscAsync(ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Fdisc, ServiceParameters, ServiceParameters>(parameters, cancellationToken);

    /// <summary>Logout (LOGO) naming the originator. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<bool>> LogoAsync(LogoRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Logo, LogoRequest, bool>(request, cancellationToken);

    /// <summary>Read timeout values (RTV). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RtvAccept>> RtvAsync(CancellationToken cancellationToken = default) =>
        ElsAsync<Rtv, NoArgument, RtvAccept>(default, cancellationToken);

    /// <summary>Read link error status (RLS) of the port with N_Port ID port. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<Lesb>> RlsAsync(FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync<Rls, FcId, Lesb>(port, cancellationToken);

    /// <summary>ECHO: the responder returns data (response buffer as long as the request); compare it with what was sent. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<byte[]>> EchoAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        ElsAsync<Echo, ReadOnlyMemory<byte>, byte[]>(data, cancellationToken);

    /// <summary>Read diagnostic parameters (RDP) of the port with N_Port ID port. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RdpAccept>> RdpAsync(FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync<Rdp, FcId, RdpAccept>(port, cancellationToken);

    /// <summary>Address discovery (ADISC) with the originator's addresses. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<AdiscParameters>> AdiscAsync(AdiscParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Adisc, AdiscParameters, AdiscParameters>(parameters, cancellationToken);

    /// <summary>Read port status (RPS). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RpsAccept>> RpsAsync(RpsRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Rps, RpsRequest, RpsAccept>(request, cancellationToken);

    /// <summary>Read port list (RPL). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RplAccept>> RplAsync(RplRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Rpl, RplRequest, RplAccept>(request, cancellationToken);

    /// <summary>Request node identification data (RNID) in the given format (0xDF general topology). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RnidAccept>> RnidAsync(byte format = RnidTypes.FormatGeneralTopology, CancellationToken cancellationToken = default) =>
        ElsAsync<Rnid, byte, RnidAccept>(format, cancellationToken);

    /// <summary>Link incident record registration (LIRR). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<bool>> LirrAsync(LirrRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Lirr, LirrRequest, bool>(request, cancellationToken);

    /// <summary>Scan remote loop (SRL). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<bool>> SrlAsync(SrlRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Srl, SrlRequest, bool>(request, cancellationToken);

    /// <summary>Report port speed capabilities (RPSC). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<IReadOnlyList<RpscEntry>>> RpscAsync(CancellationToken cancellationToken = default) =>
        ElsAsync<Rpsc, NoArgument, IReadOnlyList<RpscEntry>>(default, cancellationToken);

}
