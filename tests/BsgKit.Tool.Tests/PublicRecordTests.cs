using System.Collections;
using System.Reflection;

namespace BsgKit.Tool.Tests;

/// <summary>
/// Public records print something a person can read: a record whose properties include a collection (which the
/// compiler's ToString shows as a .NET type name) declares its own ToString, and the catalog's names and IDs are
/// typed (Wwn, FcId), never raw integers.
/// </summary>
public class PublicRecordTests
{
    private static readonly Assembly[] Libraries =
    [
        typeof(Bsg.BsgDevice).Assembly, typeof(Fc.Wwn).Assembly, typeof(Iscsi.Clients.IscsiHostClient).Assembly,
    ];

    private static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static bool IsCollection(Type t) => t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t);

    public static TheoryData<string> RecordsWithCollections()
    {
        var data = new TheoryData<string>();
        foreach (var t in Libraries.SelectMany(a => a.GetExportedTypes()).Where(IsRecord))
            if (t.GetProperties().Any(p => IsCollection(p.PropertyType) || p.PropertyType == typeof(ReadOnlyMemory<byte>)))
                data.Add(t.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(RecordsWithCollections))]
    public void A_public_record_with_a_collection_has_its_own_ToString(string typeName)
    {
        var t = Libraries.Select(a => a.GetType(typeName)).First(x => x is not null)!;
        var toString = t.GetMethod(nameof(ToString), Type.EmptyTypes)!;
        var generated = toString.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>(inherit: false) is not null;
        Assert.False(generated || toString.DeclaringType != t, $"{typeName}.ToString() is the compiler's: it prints collection type names");
    }

    [Fact]
    public void Printed_records_show_their_items_and_identifiers()
    {
        var list = new Fc.Ct.NameServer.NsPortIdList([new Fc.FcId(0x010a00), new Fc.FcId(0x010b00)], true, 0, 0);
        Assert.Equal("NsPortIdList { PortIds = [0x010a00, 0x010b00], LastEntrySeen = True, TrailingBytes = 0, ResidualWords = 0, IsComplete = True }", list.ToString());
        var snap = new Fc.Discovery.FabricSnapshot("/dev/bsg/fc_host1", "lpfc", DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(12.3), [], [], null, true, []);
        Assert.Equal("fabric from /dev/bsg/fc_host1 (lpfc): 0 switch(es), 0 N_Port(s), complete (12.3 ms, 0 CT requests)", snap.ToString());
    }

    [Fact]
    public void Catalog_names_and_ids_are_typed()
    {
        foreach (var t in new[] { typeof(Fc.Catalog.FcHostInfo), typeof(Fc.Catalog.FcRemotePortInfo) })
            foreach (var p in t.GetProperties().Where(p => p.Name is "PortName" or "NodeName" or "PermanentPortName" or "FabricName" or "PortId"))
                Assert.True(Nullable.GetUnderlyingType(p.PropertyType) is { } u && (u == typeof(Fc.Wwn) || u == typeof(Fc.FcId)), $"{t.Name}.{p.Name} is {p.PropertyType.Name}");
    }
}
