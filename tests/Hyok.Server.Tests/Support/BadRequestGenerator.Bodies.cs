using System.Text;
using System.Text.Json.Nodes;

namespace Hyok.Server.Tests.Support;

/// <summary>Broken JSON: truncated bodies, wrong types for every field, huge fields, bodies that are not JSON.</summary>
public sealed partial class BadRequestGenerator
{
    private static readonly Func<JsonNode?>[] WrongValues =
    [
        () => 42, () => -1.5e300, () => 0, () => new JsonArray(), () => new JsonArray("AES_GCM"), () => new JsonObject(),
        () => new JsonObject { ["a"] = "b" }, () => true, () => false, () => null, () => "",
    ];

    private static readonly string[] NotJsonBodies =
    [
        "", " ", "\r\n", "null", "[]", "{}", "42", "\"requestMetadata\"", "true", "<xml/>", "plaintext=abc&x=1", "{", "}", "[", "{\"requestMetadata\":",
        "{\"requestMetadata\":{}}", "{'requestMetadata':{}}", "{\"requestMetadata\":{},}", "{/*c*/\"requestMetadata\":{}}", "{\"a\":NaN}", "{\"a\":1e99999}",
        "{\"requestMetadata\":{\"kmsRequestId\":\"x\",\"kmsOperation\":\"y\"}} trailing", "{\"requestMetadata\":{\"kmsRequestId\":\"x\",\"kmsOperation\":\"y\"}}{}",
    ];

    /// <summary>Each template cut right before and after every structural character, and at both ends.</summary>
    private IEnumerable<BadRequest> Truncations()
    {
        foreach (var template in templates)
        {
            var bytes = template.Bytes();
            var cuts = new SortedSet<int> { 0, 1, bytes.Length - 1 };
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)':' or (byte)',' or (byte)'"' or (byte)'\\')
                {
                    cuts.Add(i);
                    cuts.Add(i + 1);
                }
            }

            foreach (var cut in cuts.Where(c => c < bytes.Length))
            {
                yield return new BadRequest("truncated", $"cut at {cut} of {bytes.Length}", template.Path, bytes[..cut]);
            }
        }
    }

    private BadRequest RandomTruncation()
    {
        var template = PickTemplate();
        var bytes = template.Bytes();
        var cut = random.Next(bytes.Length);
        return new BadRequest("truncated", $"cut at {cut} of {bytes.Length}", template.Path, bytes[..cut]);
    }

    /// <summary>Every field of every template (and requestMetadata itself) given each wrong value.</summary>
    private IEnumerable<BadRequest> WrongTypes()
    {
        foreach (var template in templates)
        {
            foreach (var (parent, field) in FieldsOf(template.Body))
            {
                for (var v = 0; v < WrongValues.Length; v++)
                {
                    yield return WrongType(template, parent, field, v);
                }
            }
        }
    }

    private BadRequest RandomWrongType()
    {
        var template = PickTemplate();
        var (parent, field) = Pick(FieldsOf(template.Body));
        return WrongType(template, parent, field, random.Next(WrongValues.Length));
    }

    private static BadRequest WrongType(BodyTemplate template, string? parent, string field, int valueIndex)
    {
        var body = template.CopyBody();
        var value = WrongValues[valueIndex]();
        var detail = $"{parent}{(parent is null ? "" : ".")}{field} = {value?.ToJsonString() ?? "null"}";
        Set(body, parent, field, value);

        // null is "absent" and "" may be a valid empty value (plaintext, AAD): either may be accepted.
        var maySucceed = value is null || (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length == 0);
        return new BadRequest("wrong-type", detail, template.Path, XksBodies.Bytes(body), MaySucceed: maySucceed);
    }

    /// <summary>60 KB strings in each field, deep nesting past the JSON depth limit, thousands of unknown members.</summary>
    private IEnumerable<BadRequest> HugeFields()
    {
        foreach (var template in templates)
        {
            foreach (var (parent, field) in FieldsOf(template.Body).Where(f => f.Field != "requestMetadata"))
            {
                var body = template.CopyBody();
                Set(body, parent, field, new string('A', 60_000));
                yield return new BadRequest("huge-field", $"{field} = 60000 x 'A'", template.Path, XksBodies.Bytes(body), MaySucceed: parent is not null);
            }
        }

        foreach (var depth in new[] { 17, 64, 1000, 10_000, 30_000 })
        {
            yield return Nested(depth, closed: true);
            yield return Nested(depth, closed: false);
        }

        for (var i = 0; i < 6; i++)
        {
            yield return RandomHugeField();
        }
    }

    private BadRequest RandomHugeField()
    {
        switch (random.Next(4))
        {
            case 0:
                return Nested(random.Next(17, 30_000), closed: random.Next(2) == 0);
            case 1:
            {
                var template = PickTemplate();
                var body = template.CopyBody();
                var count = random.Next(100, 3000);
                for (var i = 0; i < count; i++)
                {
                    body[$"unknown{i}"] = i % 3 == 0 ? new JsonObject { ["x"] = new JsonArray(i, "y") } : i;
                }

                return new BadRequest("many-unknown-members", $"{count} members", template.Path, XksBodies.Bytes(body), MaySucceed: true);
            }

            case 2:
            {
                var template = PickTemplate();
                var body = template.CopyBody();
                body[RandomString(random.Next(1000, 50_000), "abcXYZ")] = "v";
                return new BadRequest("huge-field", "huge member name", template.Path, XksBodies.Bytes(body), MaySucceed: true);
            }

            default:
            {
                var template = PickTemplate();
                var (parent, field) = Pick(FieldsOf(template.Body));
                var body = template.CopyBody();
                Set(body, parent, field, "ZZHUGEZZ");
                var number = "1" + RandomString(random.Next(1000, 60_000), "0123456789");
                var text = Encoding.UTF8.GetString(XksBodies.Bytes(body)).Replace("\"ZZHUGEZZ\"", number, StringComparison.Ordinal);
                return new BadRequest("huge-field", $"{field} = {number.Length}-digit number", template.Path, Utf8(text));
            }
        }
    }

    private BadRequest Nested(int depth, bool closed)
    {
        var template = PickTemplate();
        var where = random.Next(3);
        var open = where == 2 ? string.Concat(Enumerable.Repeat("{\"x\":", depth)) : new string('[', depth);
        var close = closed ? (where == 2 ? new string('}', depth) : new string(']', depth)) : "";
        var text = Encoding.UTF8.GetString(template.Bytes());
        text = where switch
        {
            0 => "{\"requestMetadata\":" + open + "1" + close + text[1..],
            1 => open + text + close,
            _ => text[..^1] + ",\"deep\":" + open + "1" + close + "}",
        };
        return new BadRequest("deep-nesting", $"depth {depth} at {where}, closed={closed}", template.Path, Utf8(text));
    }

    private IEnumerable<BadRequest> NotJson()
    {
        foreach (var template in templates)
        {
            foreach (var text in NotJsonBodies)
            {
                yield return new BadRequest("not-json", text.Length > 40 ? text[..40] : text, template.Path, Utf8(text));
            }
        }
    }

    private BadRequest RandomNotJson()
    {
        var template = PickTemplate();
        var bytes = new byte[random.Next(1, 3000)];
        random.NextBytes(bytes);
        if (random.Next(2) == 0)
        {
            bytes = Utf8(RandomString(bytes.Length, "{}[]:,\"\\ abcAZ019+/=-_.\t\r\nnulltruefalse"));
        }

        return new BadRequest("not-json", $"{bytes.Length} random bytes", template.Path, bytes);
    }
}
