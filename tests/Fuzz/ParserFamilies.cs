using System.Reflection;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Els;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Wire;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Iscsi.Vendor;
using BsgKit.Simulator.Fabric;

namespace BsgKit.Fuzz;

/// <summary>One decoder and the real messages it is fed mutations of.</summary>
public sealed record ParserTarget(string Name, IReadOnlyList<byte[]> Seeds, Action<byte[]> Parse);

/// <summary>
/// The wire decoders: every public static Parse* of a CT_IU or ELS payload (found by reflection, so a new one is
/// fuzzed without being listed), fc_bsg_request/reply, iscsi_bsg_reply and the iSCSI vendor results.
/// </summary>
public static class ParserFamilies
{
    private delegate T SpanFunc<T>(ReadOnlySpan<byte> input);
    private delegate void SpanAction(ReadOnlySpan<byte> input);

    /// <summary>Parse* methods taking just the bytes, in the CT or ELS namespaces of BsgKit.Fc.</summary>
    public static IEnumerable<MethodInfo> DiscoverParsers(string namespacePrefix) =>
        typeof(CtIu).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith(namespacePrefix, StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Parse", StringComparison.Ordinal) && !m.ReturnType.IsByRefLike && !m.IsGenericMethod
                        && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(ReadOnlySpan<byte>))
            .OrderBy(m => m.DeclaringType!.FullName + "." + m.Name, StringComparer.Ordinal);

    public static IReadOnlyList<ParserTarget> Ct(Corpus corpus) => FrameTargets(corpus, FrameType.Ct, "BsgKit.Fc.Ct", "Command");

    public static IReadOnlyList<ParserTarget> Els(Corpus corpus)
    {
        var targets = FrameTargets(corpus, FrameType.Els, "BsgKit.Fc.Els", "Code").ToList();
        var responses = Messages(corpus, FrameType.Els, null, requests: false);
        targets.Add(new("ElsReply.ParseAccept", responses, b => ElsReply.ParseAccept(b, "fuzzed accept")));
        return targets;
    }

    public static IReadOnlyList<ParserTarget> FcBsg(Corpus corpus)
    {
        var requests = corpus.FcSgIo.Select(s => s.Request).Where(r => r.Length > 0).Distinct(ByteArrays.Comparer).ToList();
        var replies = corpus.FcSgIo.Select(s => s.Reply).Where(r => r.Length > 0).Distinct(ByteArrays.Comparer).ToList();
        return
        [
            new("FcBsgRequest.Parse", requests, b => FcBsgRequest.Parse(b)),
            new("FcBsgReply.Parse", replies, b => FcBsgReply.Parse(b, b.Length == 0 ? 0 : b[0] % 2 == 0 ? b.Length : b[^1])),
        ];
    }

    public static IReadOnlyList<ParserTarget> Iscsi(Corpus corpus)
    {
        var replies = corpus.IscsiSgIo.Select(s => s.Reply).Distinct(ByteArrays.Comparer).ToList();
        var dins = corpus.IscsiSgIo.Select(s => s.Din).Where(d => d.Length > 0).Distinct(ByteArrays.Comparer).ToList();
        return
        [
            new("IscsiBsgReply.Parse", replies, b => IscsiBsgReply.Parse(b, b.Length == 0 ? 0 : b[0] % 2 == 0 ? b.Length : b[^1] - 16, b.Length > 1 ? b[1] % 12 : 0)),
            new("Qla4xxxAcbState.Decode", dins, b => Qla4xxxAcbState.Decode(b.Length > 0 ? b[0] : 0u, 0, b)),
        ];
    }

    /// <summary>FcWireFormatException is what a decoder may throw (both families' rejects, FcRejectReplyException, included).</summary>
    public static bool Documented(Exception e) => e is FcWireFormatException;

    private static IReadOnlyList<ParserTarget> FrameTargets(Corpus corpus, FrameType type, string ns, string codeField)
    {
        var targets = new List<ParserTarget>();
        foreach (var m in DiscoverParsers(ns))
        {
            var code = m.DeclaringType!.GetField(codeField, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f
                ? Convert.ToUInt16(f.GetRawConstantValue()) : (ushort?)null;
            var requests = m.Name.Contains("Request", StringComparison.Ordinal);
            var seeds = Messages(corpus, type, code, requests);
            if (seeds.Count == 0) seeds = Messages(corpus, type, null, requests); // no traffic of its own: every message of the family
            targets.Add(new($"{m.DeclaringType.Name}.{m.Name}", seeds, Bind(m)));
        }
        return targets;
    }

    private static List<byte[]> Messages(Corpus corpus, FrameType type, ushort? command, bool requests) =>
        corpus.Exchanges.Where(x => x.Type == type && (command is null || x.Command == command))
            .Select(x => requests ? x.Request : x.Response).Where(b => b.Length > 0).Distinct(ByteArrays.Comparer).ToList();

    private static Action<byte[]> Bind(MethodInfo m)
    {
        if (m.ReturnType == typeof(void))
        {
            var action = m.CreateDelegate<SpanAction>();
            return b => action(b);
        }
        return (Action<byte[]>)typeof(ParserFamilies).GetMethod(nameof(BindFunc), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(m.ReturnType).Invoke(null, [m])!;
    }

    private static Action<byte[]> BindFunc<T>(MethodInfo m)
    {
        var f = m.CreateDelegate<SpanFunc<T>>();
        return b => f(b);
    }

    /// <summary>Runs <paramref name="inputs"/> mutations round-robin over the targets.</summary>
    public static void Run(FamilyReport report, IReadOnlyList<ParserTarget> targets, Func<Exception, bool> documented, long inputs, int seed)
    {
        var mutator = new Mutator(seed);
        for (long i = 0; i < inputs; i++)
        {
            var t = targets[(int)(i % targets.Count)];
            var input = t.Seeds.Count == 0 ? [] : mutator.Mutate(t.Seeds[mutator.Random.Next(t.Seeds.Count)], t.Seeds);
            try
            {
                t.Parse(input);
                report.Ok(t.Name);
            }
            catch (Exception e) when (documented(e)) { report.Expected(t.Name); }
            catch (Exception e) { report.Failed(t.Name, e, input); }
        }
    }
}

internal sealed class ByteArrays : IEqualityComparer<byte[]>
{
    public static readonly ByteArrays Comparer = new();
    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
    public int GetHashCode(byte[] obj)
    {
        var h = new HashCode();
        h.AddBytes(obj);
        return h.ToHashCode();
    }
}
