namespace Hyok.Server.Logging;

/// <summary>
/// Makes caller-supplied identifiers (kmsRequestId, principal ARN) safe to log: at most 256 characters,
/// control characters replaced, so a request cannot forge log lines or flood the log.
/// </summary>
internal static class LogText
{
    private const int MaxLength = 256;

    public static string? Clip(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var span = value.AsSpan(0, Math.Min(value.Length, MaxLength));
        if (span.Length == value.Length && !span.ContainsAnyInRange('\0', '\u001f') && !span.Contains('\u007f'))
        {
            return value;
        }

        return string.Create(span.Length, value, static (target, source) =>
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        }) + (value.Length > MaxLength ? "..." : "");
    }
}
