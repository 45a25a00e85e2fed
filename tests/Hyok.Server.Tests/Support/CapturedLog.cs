using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tests.Support;

/// <summary>One captured log entry: level, event id, category and the full line (message and exception text).</summary>
public sealed record CapturedLog(LogLevel Level, int EventId, string Category, string Line);
