using System.Collections.Concurrent;
using System.Text;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// Secrets to look for, each in every form it could leak in: raw text (and lower case), Base64 and hex
/// (both cases) of its bytes. Forms shorter than 12 characters are skipped: they could match by chance.
/// </summary>
public sealed class Sentinels
{
    private const int MinimumFormLength = 12;
    private readonly ConcurrentDictionary<string, string> _forms = new(StringComparer.Ordinal);

    public int Count => _forms.Count;

    /// <summary>A text secret (credential secret, signature, plaintext text): raw, lower case, and its UTF-8 bytes' forms.</summary>
    public void AddText(string name, string text)
    {
        Add(name + " (raw)", text);
        Add(name + " (lower case)", text.ToLowerInvariant());
        AddBytes(name, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A binary secret (key material, plaintext, ciphertext, tag): Base64 and hex.</summary>
    public void AddBytes(string name, ReadOnlySpan<byte> bytes)
    {
        Add(name + " (Base64)", Convert.ToBase64String(bytes));
        Add(name + " (hex)", Convert.ToHexStringLower(bytes));
        Add(name + " (HEX)", Convert.ToHexString(bytes));
    }

    /// <summary>The names of the sentinels found in <paramref name="text"/>.</summary>
    public IEnumerable<string> FoundIn(string text) =>
        _forms.Where(f => text.Contains(f.Key, StringComparison.Ordinal)).Select(f => f.Value);

    /// <summary>"where: sentinel" for each sentinel found in any of <paramref name="texts"/>.</summary>
    public List<string> Scan(string where, IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => FoundIn(t).Select(name => $"{where}: {name} in '{(t.Length > 200 ? t[..200] + "..." : t)}'"))];

    private void Add(string name, string form)
    {
        if (form.Length >= MinimumFormLength)
        {
            _forms.TryAdd(form, name);
        }
    }
}
