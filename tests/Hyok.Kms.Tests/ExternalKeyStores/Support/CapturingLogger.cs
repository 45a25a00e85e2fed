using Microsoft.Extensions.Logging;

namespace Hyok.Kms.Tests.ExternalKeyStores.Support;

/// <summary>Keeps every formatted log line, for the secret-leak checks.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
        }
    }
}
