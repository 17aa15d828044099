using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;

namespace BsgKit.Simulator.Kernel;

/// <summary>An open simulated node: the file descriptor's state (per-fd timeout, the caller's capabilities).</summary>
public sealed class SimOpenFile
{
    private readonly SimKernel? _kernel;

    internal SimOpenFile(SimNode node, SimKernel? kernel = null)
    {
        Node = node;
        _kernel = kernel;
    }

    /// <summary>The node the file was opened on.</summary>
    public SimNode Node { get; }

    /// <summary>SG_SET_TIMEOUT value in USER_HZ (clock_t) ticks; 0 = none set.</summary>
    public int TimeoutTicks { get; set; }

    /// <summary>Whether the caller holds CAP_SYS_RAWIO (docs/reference/kernel-rules.md #7).</summary>
    public bool CapSysRawio { get; set; } = true;

    /// <summary>SG_SET_COMMAND_Q depth of this file (bsg ignores it beyond validation).</summary>
    public int CommandQueue { get; set; } = 64;
    /// <summary>SG_SET_RESERVED_SIZE of this file, in bytes.</summary>
    public int ReservedSize { get; set; } = int.MaxValue;

    /// <summary>The file was released; further SG_IO gets EBADF.</summary>
    public bool Closed { get; private set; }

    /// <summary>Asks whether the calling process is still there (the syscall server sets it); null = always.</summary>
    public Func<bool>? CallerAlive { get; set; }

    /// <summary>Closing the fd errors out whatever it still has in flight (never left hanging).</summary>
    public void Close()
    {
        if (Closed) return;
        Closed = true;
        if (_kernel is not null) Interlocked.Decrement(ref _kernel.OpenFileCount);
        Node.Queue.AbortOwner(this, -Errno.EIO);
    }
}

/// <summary>
/// The fake kernel's block/bsg.c and block/bsg-lib.c: the same checks in the same order with the same
/// errnos (docs/reference/kernel-rules.md #3–#11), the same completion mapping (§3), and the same hazards — header not copied
/// back on error, the 4-byte negative result in the reply, stale reply bytes on the silent IOERR path.
/// </summary>
public sealed class SimKernel
{
    /// <summary>USER_HZ: sg_io_v4.timeout is in ms, the kernel converts through jiffies of this rate.</summary>
    public const int UserHz = 100;
    /// <summary>memdup_user of more than this fails with ENOMEM (kmalloc's practical ceiling).</summary>
    public const int MaxRequestLength = 4 * 1024 * 1024;

    /// <summary>A kernel on <paramref name="clock"/>.</summary>
    public SimKernel(SimClock clock) => Clock = clock;

    /// <summary>The simulated clock every request advances.</summary>
    public SimClock Clock { get; }

    private long _sgIoCalls;

    /// <summary>SG_IO calls this kernel has received (on every node, whatever their outcome): what a caller costs the fabric.</summary>
    public long SgIoCalls => Interlocked.Read(ref _sgIoCalls);

    internal int OpenFileCount;

    /// <summary>Simulated descriptors opened and not yet closed: zero once every client has been disposed.</summary>
    public int OpenFiles => Volatile.Read(ref OpenFileCount);

    /// <summary>open("/dev/bsg/…"): a file on <paramref name="node"/>.</summary>
    public SimOpenFile Open(SimNode node)
    {
        if (node.Dying) throw BsgErrnoException.For(node.Name, "open", Errno.ENXIO);
        Interlocked.Increment(ref OpenFileCount);
        return new SimOpenFile(node, this);
    }

    /// <summary>The ioctls bsg_ioctl answers (SG_IO first); anything else on a bsg node is ENOTTY.</summary>
    public static ReadOnlySpan<uint> BsgIoctls =>
    [
        BsgConstants.SgIo, BsgConstants.SgGetVersionNum, BsgConstants.SgEmulatedHost, BsgConstants.ScsiIoctlGetIdLun,
        BsgConstants.ScsiIoctlGetBusNumber, BsgConstants.SgGetCommandQ, BsgConstants.SgSetCommandQ, BsgConstants.SgGetReservedSize,
        BsgConstants.SgSetReservedSize, BsgConstants.SgGetTimeout, BsgConstants.SgSetTimeout, BsgConstants.ScsiIoctlSendCommand,
    ];

    /// <summary>
    /// bsg_ioctl: SG_IO goes to <see cref="SgIo"/>; the handful of informational ioctls bsg answers return
    /// their values through <paramref name="memory"/>; anything else is ENOTTY (docs/reference/kernel-rules.md #2).
    /// Returns the ioctl's return value (≥ 0) or a negative errno.
    /// </summary>
    public long Ioctl(SimOpenFile file, uint request, ulong argument, IUserMemory memory)
    {
        switch (request)
        {
            case BsgConstants.SgGetVersionNum: return PutInt(memory, argument, BsgConstants.SgVersionNum);
            case BsgConstants.SgEmulatedHost: return PutInt(memory, argument, 1);
            case BsgConstants.ScsiIoctlGetIdLun: return PutInt(memory, argument, 0);
            case BsgConstants.ScsiIoctlGetBusNumber: return PutInt(memory, argument, 0);
            case BsgConstants.SgGetCommandQ: return PutInt(memory, argument, file.CommandQueue);
            case BsgConstants.SgGetReservedSize: return PutInt(memory, argument, Math.Min(file.ReservedSize, file.Node.Limits.MaxBytes));
            case BsgConstants.SgGetTimeout: return file.TimeoutTicks;
            case BsgConstants.SgSetTimeout:
            {
                if (!GetInt(memory, argument, out var ticks)) return -Errno.EFAULT;
                if (ticks < 0) return -Errno.EIO;
                file.TimeoutTicks = ticks;
                return 0;
            }
            case BsgConstants.SgSetCommandQ:
            {
                if (!GetInt(memory, argument, out var q)) return -Errno.EFAULT;
                if (q < 1) return -Errno.EINVAL;
                file.CommandQueue = q;
                return 0;
            }
            case BsgConstants.SgSetReservedSize:
            {
                if (!GetInt(memory, argument, out var size)) return -Errno.EFAULT;
                if (size < 0) return -Errno.EINVAL;
                file.ReservedSize = Math.Min(size, file.Node.Limits.MaxBytes);
                return 0;
            }
            case BsgConstants.ScsiIoctlSendCommand: return -Errno.EINVAL;
            default: return -Errno.ENOTTY;
        }
    }

    private static long PutInt(IUserMemory memory, ulong address, int value)
    {
        Span<byte> b = stackalloc byte[4];
        System.Runtime.InteropServices.MemoryMarshal.Write(b, in value);
        return memory.TryWrite(address, b) ? 0 : -Errno.EFAULT;
    }

    private static bool GetInt(IUserMemory memory, ulong address, out int value)
    {
        Span<byte> b = stackalloc byte[4];
        value = 0;
        if (!memory.TryRead(address, b)) return false;
        value = System.Runtime.InteropServices.MemoryMarshal.Read<int>(b);
        return true;
    }

    /// <summary>The per-request timeout after docs/reference/kernel-rules.md #5: hdr.timeout, else per-fd, else 60 s; at least 7 s.</summary>
    public static TimeSpan EffectiveTimeout(uint timeoutMs, SimOpenFile file) =>
        BsgConstants.EffectiveTimeout(timeoutMs,
            file.TimeoutTicks > 0 ? TimeSpan.FromSeconds((double)file.TimeoutTicks / UserHz) : null);

    /// <summary>
    /// bsg_sg_io with the header in caller memory at <paramref name="headerAddress"/>: copy in (EFAULT, #3),
    /// run, and copy back only on success (a failed copy-back is EFAULT too). What the syscall server uses.
    /// </summary>
    public int SgIoAt(SimOpenFile file, ulong headerAddress, IUserMemory memory)
    {
        Span<byte> raw = stackalloc byte[SgIoV4.Size];
        if (!memory.TryRead(headerAddress, raw)) return Errno.EFAULT;
        var header = System.Runtime.InteropServices.MemoryMarshal.Read<SgIoV4>(raw);
        if (memory is IGatheringUserMemory gathering) gathering.Prefetch(header); // one copy for what follows
        var rc = SgIo(file, ref header, memory);
        if (rc != 0) return rc;
        System.Runtime.InteropServices.MemoryMarshal.Write(raw, in header);
        return memory.TryWrite(headerAddress, raw) ? 0 : Errno.EFAULT;
    }

    /// <summary>
    /// bsg_sg_io for a header already copied in (a failed copy-in is the caller's EFAULT, #3). Returns 0 with
    /// <paramref name="header"/>'s output fields updated, or a positive errno with the header untouched.
    /// </summary>
    public int SgIo(SimOpenFile file, ref SgIoV4 header, IUserMemory memory)
    {
        Interlocked.Increment(ref _sgIoCalls);
        if (file.Closed) return Errno.EBADF;
        if (header.Guard != BsgConstants.Guard) return Errno.EINVAL;                              // #4
        var timeout = EffectiveTimeout(header.Timeout, file);                                   // #5
        var output = header; // bsg_sg_io works on its own copy; it reaches the caller only on success
        var rc = file.Node.Kind == BsgNodeKind.ScsiDevice
            ? ScsiDeviceSgIo(file, ref output, memory)
            : TransportSgIo(file, ref output, memory, timeout);
        if (rc == 0) header = output;
        return rc;
    }

    /// <summary>bsg-lib's bsg_transport_sg_io_fn.</summary>
    private int TransportSgIo(SimOpenFile file, ref SgIoV4 hdr, IUserMemory memory, TimeSpan timeout)
    {
        if (hdr.Protocol != BsgConstants.ProtocolScsi || hdr.Subprotocol != BsgConstants.SubprotocolScsiTransport)
            return Errno.EINVAL;                                                                // #6
        if (!file.CapSysRawio) return Errno.EPERM;                                              // #7

        var node = file.Node;
        var queue = node.Queue;
        var slot = queue.Acquire(file);
        try
        {
            var job = slot.Job;
            job.Node = node;
            job.Timeout = timeout;

            // memdup_user(request, request_len): #8
            if (hdr.RequestLen > MaxRequestLength) return Errno.ENOMEM;
            var requestLength = (int)hdr.RequestLen;
            RequestSlot.EnsureCapacity(ref slot.RequestBuffer, requestLength);
            if (requestLength > 0 && !memory.TryRead(hdr.Request, slot.RequestBuffer.AsSpan(0, requestLength)))
                return Errno.EFAULT;
            job.RequestLength = requestLength;

            // blk_rq_map_user for dout (or din when only din is set), then the bidi din: #9, #10, #11
            var doutLength = (int)Math.Min(hdr.DoutXferLen, int.MaxValue);
            var dinLength = (int)Math.Min(hdr.DinXferLen, int.MaxValue);
            job.RequestPayloadLength = 0;
            job.ReplyPayloadLength = 0;
            job.RequestPayloadSegments = 0;
            job.ReplyPayloadSegments = 0;
            if (doutLength > 0)
            {
                var rc = MapIn(node, hdr.DoutXferp, doutLength, memory, ref slot.RequestPayloadBuffer);
                if (rc != 0) return rc;
                job.RequestPayloadLength = doutLength;
                job.RequestPayloadSegments = QueueLimits.SegmentsOf(hdr.DoutXferp, doutLength);
                if (dinLength > 0)
                {
                    rc = CheckOut(node, hdr.DinXferp, dinLength, memory);
                    if (rc != 0) return rc;
                    RequestSlot.EnsureCapacity(ref slot.ReplyPayloadBuffer, dinLength);
                    slot.ReplyPayloadBuffer.AsSpan(0, dinLength).Clear();
                    job.ReplyPayloadLength = dinLength;
                    job.ReplyPayloadSegments = QueueLimits.SegmentsOf(hdr.DinXferp, dinLength);
                }
            }
            else if (dinLength > 0)
            {
                // Quirk (#11): with no dout, din is mapped as the *request* payload.
                var rc = MapIn(node, hdr.DinXferp, dinLength, memory, ref slot.RequestPayloadBuffer);
                if (rc != 0) return rc;
                job.RequestPayloadLength = dinLength;
                job.RequestPayloadSegments = QueueLimits.SegmentsOf(hdr.DinXferp, dinLength);
            }

            // bsg_queue_rq → job_fn; a non-zero return ends the request IOERR with result still 0.
            queue.HandOver(slot);
            int dispatch;
            try
            {
                dispatch = node.Dispatch(job);
            }
            catch (Exception)
            {
                // A handler that throws is a simulator bug; the caller sees what the kernel would: an I/O error.
                if (!job.IsDone) job.Done(-Errno.EIO, 0);
                dispatch = 0;
            }
            var ioError = dispatch != 0;
            if (!ioError && !job.IsDone)
            {
                // Nobody completed it: the block layer's timeout fires, the transport asks the LLD to abort.
                Clock.Advance(timeout, file.CallerAlive);
                ioError = node.OnTimeout(job) != 0 || !job.IsDone;
            }
            else Clock.Advance(job.Elapsed, file.CallerAlive);
            if (!job.IsDone) slot.TryTransition(RequestState.OwnedByHandler, RequestState.Completed);

            if (slot.Abandoned) return Errno.EIO; // the caller went away; nothing is written back

            // Completion mapping (docs/reference/kernel-rules.md §3), in bsg-lib's order.
            var result = ioError ? 0 : job.Result;
            hdr.DeviceStatus = (uint)(result & 0xff);
            hdr.TransportStatus = (uint)((result >> 16) & 0xff);
            hdr.DriverStatus = 0;
            hdr.Info = hdr.DeviceStatus != 0 || hdr.TransportStatus != 0 ? BsgConstants.InfoCheck : 0;
            hdr.ResponseLen = 0;
            var ret = 0;
            var replyLength = ioError ? Bsg.BsgConstants.DefaultReplyLength : job.ReplyLength;
            if (!ioError && result < 0)
            {
                replyLength = 4;
                ret = -result;
            }
            if (replyLength > 0 && hdr.Response != 0)
            {
                var n = (int)Math.Min(hdr.MaxResponseLen, (uint)Math.Min(replyLength, slot.ReplyBuffer.Length));
                if (!memory.TryWrite(hdr.Response, slot.ReplyBuffer.AsSpan(0, n))) return Errno.EFAULT;
                hdr.ResponseLen = (uint)n;
            }
            hdr.DoutResid = 0;
            if (doutLength > 0 && dinLength > 0)
            {
                var rcv = ioError ? 0u : job.ReplyPayloadRcvLen;
                hdr.DinResid = rcv > (uint)dinLength ? 0 : dinLength - (int)rcv; // the kernel WARNs and uses 0
                // The LLD's DMA lands in the caller's din as it happens; copy what it wrote.
                var written = ioError ? 0 : Math.Min(job.ReplyPayloadWritten, dinLength);
                if (written > 0 && !memory.TryWrite(hdr.DinXferp, slot.ReplyPayloadBuffer.AsSpan(0, written)))
                    return Errno.EFAULT;
            }
            else hdr.DinResid = 0;
            return ret;
        }
        finally
        {
            queue.Release(slot);
        }
    }

    private static int MapIn(SimNode node, ulong address, int length, IUserMemory memory, ref byte[] buffer)
    {
        var rc = CheckLimits(node, address, length);
        if (rc != 0) return rc;
        RequestSlot.EnsureCapacity(ref buffer, length);
        return memory.TryRead(address, buffer.AsSpan(0, length)) ? 0 : Errno.EFAULT;
    }

    private static int CheckOut(SimNode node, ulong address, int length, IUserMemory memory)
    {
        var rc = CheckLimits(node, address, length);
        if (rc != 0) return rc;
        return memory.IsWritable(address, length) ? 0 : Errno.EFAULT;
    }

    /// <summary>#10: bytes or segments beyond the queue limits — EREMOTEIO inside, EINVAL to the caller.</summary>
    private static int CheckLimits(SimNode node, ulong address, int length)
    {
        var limits = node.Limits;
        if (length > limits.MaxBytes || QueueLimits.SegmentsOf(address, length) > limits.MaxSegments) return Errno.EINVAL;
        return 0;
    }

    private const uint DriverSense = 0x08;

    /// <summary>scsi_bsg's sg_io_fn for H:C:T:L nodes: SCSI CDBs only.</summary>
    private int ScsiDeviceSgIo(SimOpenFile file, ref SgIoV4 hdr, IUserMemory memory)
    {
        if (hdr.Protocol != BsgConstants.ProtocolScsi || hdr.Subprotocol != BsgConstants.SubprotocolScsiCommand)
            return Errno.EINVAL;
        if (!file.CapSysRawio) return Errno.EPERM;
        if (hdr.DoutXferLen > 0 && hdr.DinXferLen > 0) return Errno.EOPNOTSUPP; // bidi support was removed
        if (file.Node is not SimScsiDeviceNode device) return Errno.EINVAL;
        if (hdr.RequestLen is 0 or > 32) return Errno.EINVAL;
        Span<byte> cdb = stackalloc byte[(int)hdr.RequestLen];
        if (!memory.TryRead(hdr.Request, cdb)) return Errno.EFAULT;
        var dinLength = (int)Math.Min(hdr.DinXferLen, 1u << 20);
        var data = new byte[dinLength];
        var (status, sense, length) = device.Execute(cdb, data);
        if (length > 0 && !memory.TryWrite(hdr.DinXferp, data.AsSpan(0, Math.Min(length, dinLength)))) return Errno.EFAULT;
        hdr.DeviceStatus = status;
        hdr.TransportStatus = 0;
        // scsi_bsg_sg_io_fn: DRIVER_SENSE (0x08) whenever the status is CHECK CONDITION (seen on the kernel lane).
        hdr.DriverStatus = status == SimScsiDeviceNode.CheckCondition ? DriverSense : 0u;
        hdr.Info = status != 0 ? BsgConstants.InfoCheck : 0;
        hdr.ResponseLen = 0;
        if (sense.Length > 0 && hdr.Response != 0)
        {
            var n = (int)Math.Min(hdr.MaxResponseLen, (uint)sense.Length);
            if (!memory.TryWrite(hdr.Response, sense.AsSpan(0, n))) return Errno.EFAULT;
            hdr.ResponseLen = (uint)n;
        }
        hdr.DinResid = device.ReportsResidual ? dinLength - Math.Min(length, dinLength) : 0;
        hdr.DoutResid = 0;
        return 0;
    }
}
