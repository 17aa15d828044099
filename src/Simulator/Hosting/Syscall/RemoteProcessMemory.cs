using BsgKit.Bsg;
using BsgKit.Simulator.Hosting.Syscall.Interop;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// The trapped caller's memory, through process_vm_readv/writev: any pointer it gave that is not mapped fails
/// the copy (the fake kernel answers EFAULT). Per SG_IO that is one read for the header, one for request, dout and
/// the din probe together (<see cref="Prefetch"/>), and one write for din, response and header together: writes are
/// staged and go out in order in one process_vm_writev at <see cref="Flush"/>, which stops at the first piece that
/// faults as the copies one by one would. Before that write the notification id is re-checked, because the caller may
/// have died and its pid been reused (seccomp_unotify(2)). One instance per server thread (it serves one request at a
/// time), so nothing is allocated per request.
/// </summary>
internal sealed unsafe class RemoteProcessMemory : IUserMemory, IGatheringUserMemory
{
    /// <summary>Bytes staged for reads and for writes each; a larger piece is copied on its own.</summary>
    internal const int StagingBytes = 16 * 1024;

    private const int MaxPieces = 4; // request, payload, the din probe's two ends / din, response, header (+1 spare)

    [ThreadStatic] private static RemoteProcessMemory? t_current;

    private readonly byte[] _readStage = GC.AllocateUninitializedArray<byte>(StagingBytes, pinned: true);
    private readonly byte[] _writeStage = GC.AllocateUninitializedArray<byte>(StagingBytes, pinned: true);
    private readonly Piece[] _read = new Piece[MaxPieces];
    private readonly Piece[] _write = new Piece[MaxPieces];
    private int _readCount, _writeCount, _writeUsed;
    private int _pid, _listener;
    private ulong _notificationId;
    private bool _validated;
    private readonly Func<bool> _callerWaiting;

    private RemoteProcessMemory() => _callerWaiting = CallerWaiting;

    private struct Piece
    {
        public ulong Address;
        public int Offset, Length;
    }

    /// <summary>This thread's instance, now for notification <paramref name="notificationId"/> of <paramref name="pid"/>.</summary>
    internal static RemoteProcessMemory ForThisThread(int pid, int listener, ulong notificationId)
    {
        var m = t_current ??= new RemoteProcessMemory();
        m._pid = pid;
        m._listener = listener;
        m._notificationId = notificationId;
        m._validated = false;
        m._readCount = m._writeCount = m._writeUsed = 0;
        m.CallerGone = false;
        m.ReadCopies = m.WriteCopies = 0;
        return m;
    }

    /// <summary>True when the caller went away before results could be written.</summary>
    public bool CallerGone { get; private set; }

    /// <summary>process_vm_readv calls for this request (tests count them).</summary>
    internal int ReadCopies { get; private set; }

    /// <summary>process_vm_writev calls for this request (tests count them).</summary>
    internal int WriteCopies { get; private set; }

    /// <summary><see cref="CallerWaiting"/> as a delegate made once (SimOpenFile.CallerAlive), not per request.</summary>
    internal Func<bool> CallerWaitingCheck => _callerWaiting;

    /// <inheritdoc/>
    public void Prefetch(in SgIoV4 header)
    {
        _readCount = 0;
        var used = 0;
        Span<IoVec> remote = stackalloc IoVec[MaxPieces];
        Stage(header.Request, header.RequestLen, ref used);
        if (header.DoutXferLen > 0)
        {
            Stage(header.DoutXferp, header.DoutXferLen, ref used);
            if (header.DinXferLen > 0)
            {
                // blk_rq_map_user's writability probe of the din (IsWritable): its first and last byte.
                Stage(header.DinXferp, 1, ref used);
                Stage(header.DinXferp + header.DinXferLen - 1, 1, ref used);
            }
        }
        else Stage(header.DinXferp, header.DinXferLen, ref used); // no dout: din is mapped as the request payload
        if (_readCount == 0) return;
        for (var i = 0; i < _readCount; i++)
            remote[i] = new IoVec { Base = (nint)_read[i].Address, Length = (nuint)_read[i].Length };
        nint got;
        fixed (byte* p = _readStage)
        fixed (IoVec* r = remote)
        {
            var local = new IoVec { Base = (nint)p, Length = (nuint)used };
            got = Libc.ProcessVmReadv(_pid, &local, 1, r, (nuint)_readCount, 0);
            ReadCopies++;
        }
        // Pieces come in order and none is split: keep those wholly read; the rest are read again (and fail) when asked for.
        var kept = 0;
        while (kept < _readCount && got >= _read[kept].Offset + _read[kept].Length) kept++;
        _readCount = kept;
    }

    private void Stage(ulong address, uint length, ref int used)
    {
        if (length == 0 || address == 0 || length > StagingBytes - used || _readCount == MaxPieces) return;
        if (address + length < address) return; // wraps: let the real copy fail
        _read[_readCount++] = new Piece { Address = address, Offset = used, Length = (int)length };
        used += (int)length;
    }

    public bool TryRead(ulong address, Span<byte> destination)
    {
        if (destination.Length == 0) return true;
        for (var i = 0; i < _readCount; i++)
        {
            if (_read[i].Address != address || _read[i].Length < destination.Length) continue;
            _readStage.AsSpan(_read[i].Offset, destination.Length).CopyTo(destination);
            return true;
        }
        if (_writeCount > 0 && !Flush()) return false; // a read never overtakes a write
        fixed (byte* p = destination)
        {
            var local = new IoVec { Base = (nint)p, Length = (nuint)destination.Length };
            var remote = new IoVec { Base = (nint)address, Length = (nuint)destination.Length };
            ReadCopies++;
            return Libc.ProcessVmReadv(_pid, &local, 1, &remote, 1, 0) == destination.Length;
        }
    }

    /// <summary>Stages the write (it reaches the caller at <see cref="Flush"/>); a piece too large for the stage goes now, after the staged ones.</summary>
    public bool TryWrite(ulong address, ReadOnlySpan<byte> source)
    {
        if (source.Length == 0) return true;
        if (_writeCount < MaxPieces && source.Length <= StagingBytes - _writeUsed)
        {
            source.CopyTo(_writeStage.AsSpan(_writeUsed));
            _write[_writeCount++] = new Piece { Address = address, Offset = _writeUsed, Length = source.Length };
            _writeUsed += source.Length;
            return true;
        }
        if (!Flush()) return false;
        fixed (byte* p = source)
        {
            var local = new IoVec { Base = (nint)p, Length = (nuint)source.Length };
            var remote = new IoVec { Base = (nint)address, Length = (nuint)source.Length };
            WriteCopies++;
            return Libc.ProcessVmWritev(_pid, &local, 1, &remote, 1, 0) == source.Length;
        }
    }

    /// <summary>
    /// Writes the staged pieces in order in one process_vm_writev (after NOTIF_ID_VALID, once per request); false if
    /// the caller is gone (<see cref="CallerGone"/>) or a piece faulted (those after it are not written either).
    /// </summary>
    public bool Flush()
    {
        if (!StillValid()) return false;
        if (_writeCount == 0) return true;
        Span<IoVec> remote = stackalloc IoVec[MaxPieces];
        for (var i = 0; i < _writeCount; i++)
            remote[i] = new IoVec { Base = (nint)_write[i].Address, Length = (nuint)_write[i].Length };
        var total = _writeUsed;
        var count = _writeCount;
        _writeCount = _writeUsed = 0;
        fixed (byte* p = _writeStage)
        fixed (IoVec* r = remote)
        {
            var local = new IoVec { Base = (nint)p, Length = (nuint)total };
            WriteCopies++;
            return Libc.ProcessVmWritev(_pid, &local, 1, r, (nuint)count, 0) == total;
        }
    }

    /// <summary>Whether anything is staged and not yet written.</summary>
    internal bool HasPendingWrites => _writeCount > 0;

    /// <summary>Readable is the best test available without writing; a read-only mapping fails at write time (EFAULT).</summary>
    public bool IsWritable(ulong address, int length)
    {
        if (length == 0) return true;
        if (HasStaged(address, 1) && HasStaged(address + (ulong)length - 1, 1)) return true; // probed by Prefetch
        // Its first and last byte, in one process_vm_readv (two remote pieces): either unmapped fails the whole read.
        var probe = stackalloc byte[2];
        var local = new IoVec { Base = (nint)probe, Length = 2 };
        var remote = stackalloc IoVec[2];
        remote[0] = new IoVec { Base = (nint)address, Length = 1 };
        remote[1] = new IoVec { Base = (nint)(address + (ulong)length - 1), Length = 1 };
        ReadCopies++;
        return Libc.ProcessVmReadv(_pid, &local, 1, remote, 2, 0) == 2;
    }

    private bool HasStaged(ulong address, int length)
    {
        for (var i = 0; i < _readCount; i++)
            if (_read[i].Address == address && _read[i].Length >= length) return true;
        return false;
    }

    /// <summary>Whether the trapped call is still waiting for its answer (NOTIF_ID_VALID).</summary>
    public bool CallerWaiting()
    {
        var id = _notificationId;
        if (Libc.Ioctl(_listener, Seccomp.IoctlNotifIdValid, &id) == 0) return true;
        CallerGone = true;
        return false;
    }

    private bool StillValid()
    {
        if (_validated) return true;
        if (!CallerWaiting()) return false;
        _validated = true;
        return true;
    }
}
