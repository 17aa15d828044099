using System.Runtime.CompilerServices;
using BsgKit.Bsg.Buffers;

namespace BsgKit.Bsg;

/// <summary>What a request carries: a transport message (FC/iSCSI bsg) or a SCSI CDB (H:C:T:L nodes).</summary>
public enum BsgRequestKind
{
    /// <summary>protocol 0, subprotocol 2 (BSG_SUB_PROTOCOL_SCSI_TRANSPORT): fc_hostN, rport-H:C-N, iscsi_hostN.</summary>
    TransportMessage,
    /// <summary>protocol 0, subprotocol 0 (BSG_SUB_PROTOCOL_SCSI_CMD): a CDB to a SCSI device node.</summary>
    ScsiCommand,
}

/// <summary>
/// One SG_IO request and the four buffers it points at: request (fc_bsg_request / CDB), reply (fc_bsg_reply /
/// sense), dout (request payload) and din (response payload). Buffers come zeroed from a pool and go back
/// only after the request is no longer in flight — even if the caller disposes the transaction early.
/// </summary>
public sealed class BsgTransaction : IDisposable
{
    private readonly PinnedBufferPool _pool;
    private PinnedBuffer? _request, _reply, _dout, _din;
    private int _requestLength, _replyLength, _doutLength, _dinLength;
    private int _inFlight;   // 1 while the kernel (or simulator) may touch the buffers
    private int _disposeRequested;

    /// <summary>A transaction with zeroed buffers of the given lengths (bytes) from <paramref name="pool"/> (the shared pool unless given).</summary>
    public BsgTransaction(PinnedBufferPool? pool = null, int requestLength = 0, int doutLength = 0, int dinLength = 0,
        int replyLength = BsgConstants.DefaultReplyLength)
    {
        _pool = pool ?? PinnedBufferPool.Shared;
        SetLengths(requestLength, doutLength, dinLength, replyLength);
    }

    /// <summary>What the request carries; picks sg_io_v4.subprotocol.</summary>
    public BsgRequestKind Kind { get; set; } = BsgRequestKind.TransportMessage;

    /// <summary>sg_io_v4.timeout in milliseconds; 0 lets the kernel pick (60 s). The kernel raises anything below 7 s.</summary>
    public uint TimeoutMs { get; set; } = 30_000;

    /// <summary>sg_io_v4.flags (only BSG_FLAG_Q_AT_TAIL has an effect).</summary>
    public uint Flags { get; set; }

    /// <summary>Bytes of <see cref="Request"/> (sg_io_v4.request_len).</summary>
    public int RequestLength => _requestLength;
    /// <summary>Bytes of <see cref="Reply"/> (sg_io_v4.max_response_len).</summary>
    public int ReplyLength => _replyLength;
    /// <summary>Bytes of <see cref="Dout"/> (sg_io_v4.dout_xfer_len).</summary>
    public int DoutLength => _doutLength;
    /// <summary>Bytes of <see cref="Din"/> (sg_io_v4.din_xfer_len).</summary>
    public int DinLength => _dinLength;

    /// <summary>The request: an fc_bsg_request / iscsi_bsg_request, or a CDB.</summary>
    public Span<byte> Request => Slice(_request, _requestLength);
    /// <summary>The reply: the fc_bsg_reply / iscsi_bsg_reply, or sense data; zeroed before each run.</summary>
    public Span<byte> Reply => Slice(_reply, _replyLength);
    /// <summary>The data-out payload (a CT_IU, an ELS, vendor data).</summary>
    public Span<byte> Dout => Slice(_dout, _doutLength);
    /// <summary>The data-in payload (the response); zeroed before each run.</summary>
    public Span<byte> Din => Slice(_din, _dinLength);

    /// <summary>Resizes the buffers for a new request; contents become zero. Not allowed while in flight.</summary>
    public void SetLengths(int requestLength, int doutLength, int dinLength, int replyLength = BsgConstants.DefaultReplyLength)
    {
        if (Volatile.Read(ref _inFlight) != 0) throw new InvalidOperationException("the transaction is in flight");
        ObjectDisposedException.ThrowIf(_disposeRequested != 0, this);
        Place(ref _request, ref _requestLength, requestLength, nameof(requestLength));
        Place(ref _reply, ref _replyLength, replyLength, nameof(replyLength));
        Place(ref _dout, ref _doutLength, doutLength, nameof(doutLength));
        Place(ref _din, ref _dinLength, dinLength, nameof(dinLength));
    }

    /// <summary>Zeroes reply and din so a silent failure cannot be mistaken for last request's answer.</summary>
    public void ClearResponse()
    {
        _reply?.Clear(_replyLength);
        _din?.Clear(_dinLength);
    }

    private void Place(ref PinnedBuffer? buffer, ref int length, int newLength, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newLength, name);
        if (newLength > PinnedBufferPool.MaxBufferSize)
            throw new ArgumentOutOfRangeException(name, newLength, $"at most {PinnedBufferPool.MaxBufferSize} bytes");
        if (buffer != null && (newLength == 0 || newLength > buffer.Capacity))
        {
            _pool.Return(buffer, length);
            buffer = null;
        }
        else buffer?.Clear(length);
        if (newLength > 0 && buffer == null) buffer = _pool.Rent(newLength);
        length = newLength;
    }

    private static Span<byte> Slice(PinnedBuffer? b, int length) => b == null ? Span<byte>.Empty : b.Span[..length];

    /// <summary>
    /// Fills sg_io_v4 for this request: guard 'Q', protocol 0, subprotocol by kind, and pointers and lengths
    /// of exactly the buffers in use (a zero length gets a null pointer). Every other field is zero.
    /// </summary>
    public void FillHeader(ref SgIoV4 header)
    {
        header = default;
        header.Guard = BsgConstants.Guard;
        header.Protocol = BsgConstants.ProtocolScsi;
        header.Subprotocol = Kind == BsgRequestKind.TransportMessage
            ? BsgConstants.SubprotocolScsiTransport
            : BsgConstants.SubprotocolScsiCommand;
        header.RequestLen = (uint)_requestLength;
        header.Request = AddressOf(_request, _requestLength);
        header.MaxResponseLen = (uint)_replyLength;
        header.Response = AddressOf(_reply, _replyLength);
        header.DoutXferLen = (uint)_doutLength;
        header.DoutXferp = AddressOf(_dout, _doutLength);
        header.DinXferLen = (uint)_dinLength;
        header.DinXferp = AddressOf(_din, _dinLength);
        header.Timeout = TimeoutMs;
        header.Flags = Flags;
    }

    private static ulong AddressOf(PinnedBuffer? b, int length) => length == 0 || b == null ? 0 : b.Address;

    /// <summary>The memory this transaction hands to the kernel, for transports that check pointers.</summary>
    public int GetRegions(Span<MemoryRegion> regions)
    {
        var n = 0;
        Add(regions, ref n, _request, _requestLength);
        Add(regions, ref n, _reply, _replyLength);
        Add(regions, ref n, _dout, _doutLength);
        Add(regions, ref n, _din, _dinLength);
        return n;
    }

    private static void Add(Span<MemoryRegion> regions, ref int n, PinnedBuffer? b, int length)
    {
        if (b != null && length > 0) regions[n++] = new MemoryRegion(b.Address, length);
    }

    internal void EnterFlight()
    {
        ObjectDisposedException.ThrowIf(_disposeRequested != 0, this);
        if (Interlocked.CompareExchange(ref _inFlight, 1, 0) != 0)
            throw new InvalidOperationException("this transaction is already in flight; use one transaction per concurrent request");
    }

    internal void LeaveFlight()
    {
        Volatile.Write(ref _inFlight, 0);
        if (Volatile.Read(ref _disposeRequested) != 0) ReleaseBuffers();
    }

    /// <summary>True while the kernel (or the simulator) may still write the buffers.</summary>
    public bool IsInFlight => Volatile.Read(ref _inFlight) != 0;

    /// <summary>Returns the buffers to the pool, or, while in flight, when the request completes.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeRequested, 1) != 0) return;
        // A request still in flight may be written by the kernel; its completion releases the buffers.
        if (Volatile.Read(ref _inFlight) == 0) ReleaseBuffers();
    }

    [MethodImpl(MethodImplOptions.Synchronized)]
    private void ReleaseBuffers()
    {
        Release(ref _request, _requestLength);
        Release(ref _reply, _replyLength);
        Release(ref _dout, _doutLength);
        Release(ref _din, _dinLength);
    }

    private void Release(ref PinnedBuffer? b, int length)
    {
        if (b == null) return;
        _pool.Return(b, length);
        b = null;
    }
}
