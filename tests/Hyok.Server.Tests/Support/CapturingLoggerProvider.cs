using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tests.Support;

/// <summary>Keeps every log line the server writes (message and exception text) for the secret-leak checks.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>The same entries with their level and event id, for checks such as "no Unhandled (1002)".</summary>
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category} {formatter(state, exception)} {exception}";
            owner.Lines.Enqueue(line);
            owner.Entries.Enqueue(new CapturedLog(logLevel, eventId.Id, category, line));
        }
    }
}
