using BsgKit.Fc;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// The fabric's index of N_Ports: by FC ID and by port name (dictionaries), and the name server's registered
/// ports as a sorted array snapshot. Writers take the lock and publish a new snapshot; readers of the
/// snapshot never lock, so GID_FT over 10,000 ports is one pass over an array.
/// </summary>
internal sealed class PortDirectory
{
    private readonly object _sync = new();
    // Keyed by the FC ID as an int (24 bits): Dictionary<int, …> is precompiled in the framework, Dictionary<uint, …> JIT-compiled at start.
    private readonly Dictionary<int, SimNPort> _byId = [];
    private readonly Dictionary<ulong, SimNPort> _byPortName = [];
    private SimNPort[] _registered = [];

    /// <summary>Registered, online ports sorted by FC ID (do not modify).</summary>
    public SimNPort[] Registered => Volatile.Read(ref _registered);

    /// <summary>Adds many ports at once (fabric build): one sort instead of one insert each.</summary>
    public void AddRange(IReadOnlyList<SimNPort> ports)
    {
        lock (_sync)
        {
            foreach (var p in ports) AddIndexes(p);
            var list = new List<SimNPort>(_registered.Length + ports.Count);
            list.AddRange(_registered);
            foreach (var p in ports)
                if (p.Registered && p.Online) list.Add(p);
            list.Sort(static (a, b) => a.Id.Value.CompareTo(b.Id.Value));
            Volatile.Write(ref _registered, list.ToArray());
        }
    }

    public void Add(SimNPort port)
    {
        lock (_sync)
        {
            AddIndexes(port);
            if (port.Registered && port.Online) Publish(port, insert: true);
        }
    }

    private void AddIndexes(SimNPort port)
    {
        if (!_byId.TryAdd((int)port.Id.Value, port))
            throw new InvalidOperationException($"FC ID {port.Id} is used twice");
        if (!_byPortName.TryAdd(port.PortName.Value, port))
            throw new InvalidOperationException($"WWPN {port.PortName} is used twice");
    }

    /// <summary>A port leaves the fabric (logout, cleared link): gone from every index and from the name server.</summary>
    public bool Remove(SimNPort port)
    {
        lock (_sync)
        {
            if (!_byId.Remove((int)port.Id.Value)) return false;
            _byPortName.Remove(port.PortName.Value);
            Publish(port, insert: false);
            return true;
        }
    }

    public SimNPort? FindById(FcId id)
    {
        lock (_sync) return _byId.TryGetValue((int)id.Value, out var port) ? port : null;
    }

    public SimNPort? FindByPortName(Wwn name)
    {
        lock (_sync) return _byPortName.TryGetValue(name.Value, out var port) ? port : null;
    }

    public bool IsUsed(FcId id)
    {
        lock (_sync) return _byId.ContainsKey((int)id.Value);
    }

    /// <summary>The registered port with this FC ID, or null.</summary>
    public SimNPort? FindRegistered(FcId id)
    {
        var snapshot = Registered;
        var i = IndexOf(snapshot, id);
        return i >= 0 ? snapshot[i] : null;
    }

    /// <summary>Index in <paramref name="snapshot"/> of <paramref name="id"/>, or ~(insertion point).</summary>
    public static int IndexOf(SimNPort[] snapshot, FcId id)
    {
        int lo = 0, hi = snapshot.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var v = snapshot[mid].Id.Value;
            if (v == id.Value) return mid;
            if (v < id.Value) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    /// <summary>Sets whether a port is in the name server (DA_ID removes it; a registration brings it back).</summary>
    public void SetRegistered(SimNPort port, bool registered)
    {
        lock (_sync)
        {
            if (port.Registered == registered) return;
            port.Registered = registered;
            if (port.Online) Publish(port, insert: registered);
        }
    }

    /// <summary>RPN_ID: renames a port, keeping the WWPN index unique. False when the name is taken.</summary>
    public bool Rename(SimNPort port, Wwn newName)
    {
        lock (_sync)
        {
            if (newName == port.PortName) return true;
            if (_byPortName.ContainsKey(newName.Value)) return false;
            _byPortName.Remove(port.PortName.Value);
            _byPortName[newName.Value] = port;
            port.PortName = newName;
            return true;
        }
    }

    private void Publish(SimNPort port, bool insert)
    {
        var old = _registered;
        var i = IndexOf(old, port.Id);
        if (insert && i < 0)
        {
            var at = ~i;
            var next = new SimNPort[old.Length + 1];
            Array.Copy(old, next, at);
            next[at] = port;
            Array.Copy(old, at, next, at + 1, old.Length - at);
            Volatile.Write(ref _registered, next);
        }
        else if (!insert && i >= 0)
        {
            var next = new SimNPort[old.Length - 1];
            Array.Copy(old, next, i);
            Array.Copy(old, i + 1, next, i, old.Length - i - 1);
            Volatile.Write(ref _registered, next);
        }
    }
}
