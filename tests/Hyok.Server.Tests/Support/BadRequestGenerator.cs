using System.Text;
using System.Text.Json.Nodes;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// Generates malformed XKS requests from valid <see cref="BodyTemplate"/>s with a seeded <see cref="Random"/>:
/// a systematic part (every field, every truncation point, every header) and a random part up to the
/// requested count. The same seed and templates give the same list.
/// </summary>
public sealed partial class BadRequestGenerator(Random random, IReadOnlyList<BodyTemplate> templates)
{
    /// <summary>Every systematic case, then random ones until there are at least <paramref name="minimum"/>.</summary>
    public List<BadRequest> Generate(int minimum)
    {
        var cases = new List<BadRequest>();
        cases.AddRange(Truncations());
        cases.AddRange(WrongTypes());
        cases.AddRange(BadBase64());
        cases.AddRange(InvalidUtf8());
        cases.AddRange(Duplicates());
        cases.AddRange(HugeFields());
        cases.AddRange(NotJson());
        cases.AddRange(HeaderTampering());
        cases.AddRange(ContentTypes());
        cases.AddRange(PathsAndMethods());
        cases.AddRange(Oversized());
        Func<BadRequest>[] randomKinds =
        [
            RandomTruncation, RandomWrongType, RandomBadBase64, RandomInvalidUtf8, RandomHugeField,
            RandomNotJson, RandomAuthorization, RandomPath, RandomMix,
        ];
        while (cases.Count < minimum)
        {
            cases.Add(randomKinds[random.Next(randomKinds.Length)]());
        }

        // Some body mutations go out unsigned: SigV4 must turn them away before the parser sees them.
        return [.. cases.Select(c => c.Signing == BadRequestSigning.ClientSigned && c.Tamper is null && random.Next(10) == 0
            ? c with { Signing = BadRequestSigning.NoSignature, MaySucceed = false, ExpectedStatus = c.Body.Length > 65_536 ? 501 : 401 }
            : c)];
    }

    private BodyTemplate PickTemplate() => templates[random.Next(templates.Count)];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string RandomString(int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Every (parent, field) of a body: top-level members and the members of <c>requestMetadata</c>.</summary>
    private static List<(string? Parent, string Field)> FieldsOf(JsonObject body)
    {
        var fields = body.Select(p => ((string?)null, p.Key)).ToList();
        if (body["requestMetadata"] is JsonObject metadata)
        {
            fields.AddRange(metadata.Select(p => ((string?)"requestMetadata", p.Key)));
        }

        return fields;
    }

    private static void Set(JsonObject body, string? parent, string field, JsonNode? value)
    {
        var owner = parent is null ? body : (JsonObject)body[parent]!;
        owner[field] = value;
    }
}
