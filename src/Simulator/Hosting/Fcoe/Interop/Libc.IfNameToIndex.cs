using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Fcoe.Interop;

internal static partial class Libc
{
    /// <summary>if_nametoindex(3): 0 when there is no such interface.</summary>
    [LibraryImport("libc", EntryPoint = "if_nametoindex", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial uint IfNameToIndex(string name);
}
