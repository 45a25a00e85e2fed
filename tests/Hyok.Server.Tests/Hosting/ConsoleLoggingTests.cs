using System.Text.Json;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Hyok.Server.Tests.Hosting;

/// <summary>
/// <c>Hyok:Logging:Format</c>: the console formatter the server's logging is configured with, fed real log entries
/// (a multi-line message and an exception with a stack trace) and read back line by line.
/// </summary>
public sealed class ConsoleLoggingTests
{
    [Fact]
    public void JsonFormat_EntryWithExceptionAndNewlines_IsOneJsonObjectPerLine()
    {
        var output = Write("json");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            Assert.Equal("Hyok.Server.Xks.XksRequestHandler", json.RootElement.GetProperty("Category").GetString());
            Assert.EndsWith("Z", json.RootElement.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        }

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Contains("InvalidOperationException", second.RootElement.GetProperty("Exception").GetString(), StringComparison.Ordinal);
        Assert.Equal("GetHealthStatus", second.RootElement.GetProperty("State").GetProperty("Operation").GetString());
    }

    [Fact]
    public void TextFormat_Default_IsNotJson()
    {
        Assert.Equal(LoggingOptions.Text, new LoggingOptions().Format);
        var output = Write(new LoggingOptions().Format);

        Assert.Contains("first line", output, StringComparison.Ordinal);
        Assert.False(output.TrimStart().StartsWith('{'));
    }

    private static string Write(string format)
    {
        var services = new ServiceCollection().AddLogging(logging => HyokServer.AddConsoleLogging(logging, new LoggingOptions { Format = format }));
        using var provider = services.BuildServiceProvider();
        var name = provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        var formatter = provider.GetRequiredService<IEnumerable<ConsoleFormatter>>().Single(f => f.Name == name);
        using var writer = new StringWriter();
        formatter.Write(Entry("first line\nsecond line", null), null, writer);
        Exception failure;
        try
        {
            throw new InvalidOperationException("a failure\nspanning lines");
        }
        catch (InvalidOperationException e)
        {
            failure = e;
        }

        formatter.Write(Entry("request failed", failure), null, writer);
        return writer.ToString();
    }

    private static LogEntry<IReadOnlyList<KeyValuePair<string, object?>>> Entry(string message, Exception? exception)
    {
        IReadOnlyList<KeyValuePair<string, object?>> state = [new("Operation", "GetHealthStatus"), new("{OriginalFormat}", message)];
        return new(LogLevel.Warning, "Hyok.Server.Xks.XksRequestHandler", new EventId(1001, "Test"), state, exception, (_, _) => message);
    }
}
