using System.Text;
using System.Text.Json.Nodes;

namespace Hyok.Server.Tests.Support;

/// <summary>Broken encodings: Base64 that is not strict standard Base64, invalid UTF-8, duplicate members.</summary>
public sealed partial class BadRequestGenerator
{
    private const string Marker = "ZZMARKZZ";

    private static readonly string[] Base64Fields =
        ["plaintext", "additionalAuthenticatedData", "ciphertext", "initializationVector", "authenticationTag", "ciphertextMetadata"];

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xFE], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0x00], [0x1F],
        "\\ud800"u8.ToArray(), "\\udc00x"u8.ToArray(), "\\uZZ"u8.ToArray(), "\\x41"u8.ToArray(),
    ];

    /// <summary>Every Base64 field of every template given each kind of non-strict Base64.</summary>
    private IEnumerable<BadRequest> BadBase64()
    {
        foreach (var template in templates)
        {
            foreach (var field in Base64Fields.Where(template.Body.ContainsKey))
            {
                for (var variant = 0; variant < 12; variant++)
                {
                    yield return BadBase64(template, field, variant);
                }
            }
        }
    }

    private BadRequest RandomBadBase64()
    {
        var template = PickTemplate();
        var fields = Base64Fields.Where(template.Body.ContainsKey).ToArray();
        return fields.Length == 0 ? RandomWrongType() : BadBase64(template, Pick(fields), random.Next(12));
    }

    private BadRequest BadBase64(BodyTemplate template, string field, int variant)
    {
        var bytes = new byte[random.Next(1, 40)];
        random.NextBytes(bytes);
        var plain = Convert.ToBase64String([0xFB, 0xEF, 0xBE, 0xFF, 0xFF, 0xFF, .. bytes]);
        var unpadded = Convert.ToBase64String(bytes.Length % 3 == 0 ? [.. bytes, 1] : bytes).TrimEnd('=');
        var at = random.Next(plain.Length);
        var (value, maySucceed) = variant switch
        {
            0 => (plain.Replace('+', '-').Replace('/', '_'), false),
            1 => (unpadded, false),
            2 => (plain.Insert(at, Pick([" ", "\t", "\n", "\r\n"])), false),
            3 => (" " + plain, false),
            4 => (plain + "\n", false),
            5 => (plain.Insert(at, Pick(["\u00e9", "\u20ac", "\u00a0", "\ud83d\ude00", "\u0000", "\uff21"])), false),
            6 => ("", true),
            7 => (plain + "====", false),
            8 => ("QQ==" + plain, false),
            9 => (Pick(["=", "==", "====", "A", "A===", "data:;base64," + plain]), false),
            10 => ("QR==", true), // non-canonical trailing bits
            _ => (RandomString(4 * random.Next(1, 20), "ABCabc019+/=-_.!*~ "), true),
        };
        var body = template.CopyBody();
        body[field] = value;
        return new BadRequest("bad-base64", $"{field} variant {variant}", template.Path, XksBodies.Bytes(body), MaySucceed: maySucceed);
    }

    /// <summary>Invalid UTF-8 (and broken escapes) in a value, in a member name and between tokens, for each template.</summary>
    private IEnumerable<BadRequest> InvalidUtf8()
    {
        foreach (var template in templates)
        {
            for (var sequence = 0; sequence < BadUtf8.Length; sequence++)
            {
                for (var where = 0; where < 3; where++)
                {
                    yield return InvalidUtf8(template, sequence, where);
                }
            }

            yield return new BadRequest("invalid-utf8", "BOM before a valid body", template.Path, [0xEF, 0xBB, 0xBF, .. template.Bytes()], MaySucceed: true);
        }
    }

    private BadRequest RandomInvalidUtf8() => InvalidUtf8(PickTemplate(), random.Next(BadUtf8.Length), random.Next(3));

    private BadRequest InvalidUtf8(BodyTemplate template, int sequence, int where)
    {
        var body = template.CopyBody();
        string detail;
        if (where == 0)
        {
            var (parent, field) = Pick(FieldsOf(body).Where(f => f.Field != "requestMetadata").ToList());
            Set(body, parent, field, "ab" + Marker + "cd");
            detail = $"in the value of {field}";
        }
        else if (where == 1)
        {
            body["un" + Marker + "known"] = "x";
            detail = "in an unknown member name";
        }
        else
        {
            body["after"] = Marker;
            detail = "between tokens";
        }

        var text = Encoding.UTF8.GetString(XksBodies.Bytes(body));
        if (where == 2)
        {
            text = text.Replace("\"" + Marker + "\"", Marker, StringComparison.Ordinal);
        }

        var marker = text.IndexOf(Marker, StringComparison.Ordinal);
        var bytes = Utf8(text);
        var start = Encoding.UTF8.GetByteCount(text.AsSpan(0, marker));
        byte[] broken = [.. bytes[..start], .. BadUtf8[sequence], .. bytes[(start + Marker.Length)..]];

        // An unknown member's name is skipped, not decoded: it may pass.
        return new BadRequest("invalid-utf8", $"{Convert.ToHexString(BadUtf8[sequence])} {detail}", template.Path, broken, MaySucceed: where == 1);
    }

    /// <summary>Each member repeated: a broken copy last (must fail), a broken copy first (last one wins, may pass).</summary>
    private IEnumerable<BadRequest> Duplicates()
    {
        foreach (var template in templates)
        {
            var text = Encoding.UTF8.GetString(template.Bytes());
            foreach (var field in template.Body.Select(p => p.Key))
            {
                foreach (var bad in new[] { "123", "\"!!!\"", "[]", "{}" })
                {
                    var last = text[..^1] + $",\"{field}\":{bad}}}";
                    yield return new BadRequest("duplicate", $"{field} then {field}={bad}", template.Path, Utf8(last));
                    var first = $"{{\"{field}\":{bad}," + text[1..];
                    yield return new BadRequest("duplicate", $"{field}={bad} then {field}", template.Path, Utf8(first), MaySucceed: true);
                }
            }
        }
    }
}
