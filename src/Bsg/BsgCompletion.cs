using System.Buffers.Binary;

namespace BsgKit.Bsg;

/// <summary>How a request ended, after the client-side interpretation of docs/reference/kernel-rules.md §7.</summary>
public enum BsgOutcome
{
    /// <summary>ioctl 0, statuses 0, and (for a request with din) something was received.</summary>
    Completed,
    /// <summary>ioctl returned -1: <see cref="BsgCompletion.Errno"/>; the header was not updated.</summary>
    IoctlFailed,
    /// <summary>ioctl 0 but transport, device or driver status is non-zero.</summary>
    StatusError,
    /// <summary>ioctl 0, every status 0, nothing received: the kernel's silent IOERR path. Never a success.</summary>
    SilentIoError,
}

/// <summary>
/// What came back from one SG_IO, read the way docs/reference/kernel-rules.md §7 says to read it. A value type over the
/// header; the reply and din bytes stay in the transaction's buffers.
/// </summary>
public readonly struct BsgCompletion
{
    /// <summary>Reads <paramref name="header"/> after SG_IO returned; <paramref name="errno"/> is 0 on success, and <paramref name="reply"/> the reply buffer (its first 4 bytes hold the driver's result when the ioctl failed).</summary>
    public BsgCompletion(string nodePath, int errno, in SgIoV4 header, ReadOnlySpan<byte> reply, TimeSpan duration)
    {
        NodePath = nodePath;
        Errno = errno;
        Duration = duration;
        DinXferLength = header.DinXferLen;
        DoutXferLength = header.DoutXferLen;
        if (errno != 0)
        {
            // Header not copied back: its output fields are still what we put there. The kernel may have
            // written the driver's negative result into the first 4 reply bytes (zeroed beforehand).
            KernelResult = reply.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(reply) : 0;
            if (!BitConverter.IsLittleEndian && reply.Length >= 4) KernelResult = BinaryPrimitives.ReadInt32BigEndian(reply);
            Outcome = BsgOutcome.IoctlFailed;
            return;
        }
        DriverStatus = header.DriverStatus;
        TransportStatus = header.TransportStatus;
        DeviceStatus = header.DeviceStatus;
        Info = header.Info;
        ResponseLength = (int)Math.Min(header.ResponseLen, header.MaxResponseLen);
        DinResid = header.DinResid;
        DoutResid = header.DoutResid;
        // din_resid is only meaningful for bidirectional requests; clamp hostile values into [0, din_xfer_len].
        var resid = (long)header.DinResid;
        ReceivedLength = header.DinXferLen == 0 ? 0 : (int)Math.Clamp(header.DinXferLen - resid, 0, header.DinXferLen);
        if (DriverStatus != 0 || TransportStatus != 0 || DeviceStatus != 0)
            Outcome = BsgOutcome.StatusError;
        else if (header.DinXferLen > 0 && header.DoutXferLen > 0 && ReceivedLength == 0)
            Outcome = BsgOutcome.SilentIoError;
        else
            Outcome = BsgOutcome.Completed;
    }

    /// <summary>The /dev/bsg path the request went to.</summary>
    public string NodePath { get; }
    /// <summary>How the request ended.</summary>
    public BsgOutcome Outcome { get; }

    /// <summary>0, or the errno the ioctl failed with.</summary>
    public int Errno { get; }

    /// <summary>With <see cref="BsgOutcome.IoctlFailed"/>: the host-endian s32 from the first 4 reply bytes (0 when none was written).</summary>
    public int KernelResult { get; }

    /// <summary>sg_io_v4.driver_status (offset 108).</summary>
    public uint DriverStatus { get; }
    /// <summary>sg_io_v4.transport_status (offset 112): the host byte, see <see cref="HostByte"/>.</summary>
    public uint TransportStatus { get; }
    /// <summary>sg_io_v4.device_status (offset 116): the SCSI status byte.</summary>
    public uint DeviceStatus { get; }
    /// <summary>sg_io_v4.info (offset 124): SG_INFO_CHECK when a status is non-zero.</summary>
    public uint Info { get; }

    /// <summary>Bytes of reply (fc_bsg_reply / sense) the kernel wrote.</summary>
    public int ResponseLength { get; }

    /// <summary>sg_io_v4.din_resid (offset 136) as the kernel wrote it, unclamped.</summary>
    public int DinResid { get; }
    /// <summary>sg_io_v4.dout_resid (offset 140).</summary>
    public int DoutResid { get; }
    /// <summary>sg_io_v4.din_xfer_len: the data-in capacity the request gave.</summary>
    public uint DinXferLength { get; }
    /// <summary>sg_io_v4.dout_xfer_len: the data-out bytes the request sent.</summary>
    public uint DoutXferLength { get; }

    /// <summary>din_xfer_len − din_resid (clamped). Not trustworthy on every driver: cross-check the payload.</summary>
    public int ReceivedLength { get; }

    /// <summary>Measured in user space: the kernel never sets sg_io_v4.duration.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True for <see cref="BsgOutcome.Completed"/> only.</summary>
    public bool IsSuccess => Outcome == BsgOutcome.Completed;

    /// <summary>Throws the typed exception for anything but <see cref="BsgOutcome.Completed"/>.</summary>
    public void ThrowIfFailed()
    {
        switch (Outcome)
        {
            case BsgOutcome.IoctlFailed:
                throw BsgErrnoException.For(NodePath, "SG_IO", Errno, KernelResult);
            case BsgOutcome.StatusError:
                throw new BsgTransportStatusException(NodePath, TransportStatus, DeviceStatus, DriverStatus);
            case BsgOutcome.SilentIoError:
                throw new BsgSilentIoErrorException(NodePath, DinXferLength);
        }
    }

    /// <summary>One line: node, outcome, statuses, lengths and duration.</summary>
    public override string ToString() => Outcome switch
    {
        BsgOutcome.IoctlFailed => $"{NodePath}: ioctl failed {Bsg.Errno.Describe(Errno)}, result {KernelResult}, {Duration.TotalMilliseconds:0.###} ms",
        _ => $"{NodePath}: {Outcome}, transport {TransportStatus} device {DeviceStatus} driver {DriverStatus} info {Info}, response_len {ResponseLength}, din_resid {DinResid}, received {ReceivedLength}, {Duration.TotalMilliseconds:0.###} ms",
    };
}
