using System.Text;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// Bounded reads of what a user hands bsgkit (--stdin, @FILE): each stops at its limit with one usage error,
/// so `--stdin &lt;/dev/zero` or `--dout @/dev/zero` fails at once instead of reading gigabytes.
/// </summary>
internal static class InputLimits
{
    /// <summary>Arguments --stdin reads at most (one request each).</summary>
    public const int MaxStdinLines = 100_000;

    /// <summary>The longest argument line (a WWN with colons is 23 characters).</summary>
    public const int MaxLineLength = 1024;

    /// <summary>The most an @FILE may hold: what one request can carry (PinnedBufferPool.MaxBufferSize).</summary>
    public const int MaxFileBytes = Bsg.Buffers.PinnedBufferPool.MaxBufferSize;

    /// <summary>Non-empty lines not starting with '#', trimmed.</summary>
    public static async Task<List<string>> ReadArgumentLinesAsync(TextReader input, string optionName, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var buffer = new char[4096];
        var lineNumber = 1;
        int n;
        while ((n = await input.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    Add(lines, line, optionName);
                    lineNumber++;
                    continue;
                }
                if (c == '\0') throw CliException.Usage($"{optionName}: line {lineNumber} holds a NUL byte: the input is binary, not one argument per line");
                if (line.Length >= MaxLineLength) throw CliException.Usage($"{optionName}: line {lineNumber} is longer than {MaxLineLength} characters");
                line.Append(c);
            }
        }
        Add(lines, line, optionName);
        return lines;
    }

    private static void Add(List<string> lines, StringBuilder line, string optionName)
    {
        var t = line.ToString().Trim();
        line.Clear();
        if (t.Length == 0 || t.StartsWith('#')) return;
        if (lines.Count >= MaxStdinLines) throw CliException.Usage($"{optionName}: more than {MaxStdinLines:N0} arguments");
        lines.Add(t);
    }

    /// <summary>The bytes of <paramref name="path"/>, at most <see cref="MaxFileBytes"/> (a pipe works too).</summary>
    public static byte[] ReadFile(string path, string what) => ReadFile(path, what, MaxFileBytes, "the most one request can carry");

    /// <summary>The bytes of <paramref name="path"/>, at most <paramref name="maxBytes"/> (<paramref name="why"/> says why).</summary>
    public static byte[] ReadFile(string path, string what, long maxBytes, string why)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            var data = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = file.Read(chunk)) > 0)
            {
                data.Write(chunk, 0, n);
                if (data.Length > maxBytes)
                    throw CliException.Usage($"{what}: larger than {maxBytes / (1024 * 1024)} MiB, {why}");
            }
            return data.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"{what}: cannot read the file ({(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)})");
        }
    }
}
