using Microsoft.Extensions.Logging;

namespace BsgKit.Tool.Infrastructure;

/// <summary>A Microsoft.Extensions.Logging provider that writes one synchronous line per message to stderr.</summary>
internal sealed class StderrLoggerProvider(TextWriter stderr, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new StderrLogger(this);
    public void Dispose() { }

    private sealed class StderrLogger(StderrLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var level = logLevel switch
            {
                LogLevel.Trace => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warning",
                _ => "error",
            };
            lock (owner._lock) owner._stderr.WriteLine($"bsgkit: {level}: {formatter(state, exception)}");
        }
    }

    private readonly TextWriter _stderr = stderr;
    private readonly LogLevel _minimum = minimum;
}

/// <summary>
/// The factory over the one stderr provider. Not Microsoft.Extensions.Logging's LoggerFactory: that one builds a
/// dependency-injection container and options first, which alone cost a cold start about 75 ms of JIT for no gain here.
/// </summary>
internal sealed class StderrLoggerFactory(StderrLoggerProvider provider) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("bsgkit logs to stderr only");
    public void Dispose() => provider.Dispose();
}
