using System.Text;

namespace Hyok.Authorization;

/// <summary>Reads a policy file from disk: UTF-8 JSON of at most <see cref="MaxBytes"/> bytes (docs/policy.md).</summary>
public static class PolicyFile
{
    /// <summary>Largest accepted policy file: 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Loads and validates a policy file; a missing or unreadable file is an error of the result, not an exception.
    /// Error texts do not repeat <paramref name="path"/>: callers show it once.
    /// </summary>
    public static PolicyParse Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryRead(path, out var content, out var error) ? Parse(content) : PolicyParse.Failed(error);
    }

    /// <summary>Reads the file's bytes, refusing files over <see cref="MaxBytes"/> before reading them.</summary>
    internal static bool TryRead(string path, out byte[] content, out string error)
    {
        content = [];
        error = "";
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = "file not found.";
                return false;
            }

            if (info.Length > MaxBytes)
            {
                error = $"the file is {info.Length} bytes; at most {MaxBytes} bytes (1 MiB) are allowed.";
                return false;
            }

            content = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read the file: {e.Message}";
            return false;
        }
    }

    /// <summary>Parses file content: UTF-8 (a byte order mark is allowed), then <see cref="Policy.Parse"/>.</summary>
    internal static PolicyParse Parse(byte[] content)
    {
        if (content.Length > MaxBytes)
        {
            return PolicyParse.Failed($"the policy is {content.Length} bytes; at most {MaxBytes} bytes (1 MiB) are allowed.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return PolicyParse.Failed("the policy file is not UTF-8 text.");
        }

        text = text.TrimStart('\uFEFF');
        var parse = Policy.Parse(text);
        parse.Document = text;
        return parse;
    }
}
