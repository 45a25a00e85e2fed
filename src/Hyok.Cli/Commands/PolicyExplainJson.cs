using System.Text;
using System.Text.Json;
using Hyok.Authorization;

namespace Hyok.Cli.Commands;

/// <summary>The <c>--json</c> output of <c>hyok policy explain</c>: decision, request and per-rule trace.</summary>
internal static class PolicyExplainJson
{
    public static string Render(Policy policy, RequestFacts facts, PolicyExplanation explanation)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var decision = explanation.Decision;
            json.WriteStartObject();
            json.WriteString("decision", PolicyCommand.EffectName(decision.Effect));
            json.WriteString("rule", decision.RuleName);
            json.WriteString("mode", PolicyCommand.ModeName(policy.Mode));
            json.WriteBoolean("blocks", decision.Blocks);
            json.WriteString("description", decision.Describe());
            json.WriteStartObject("request");
            foreach (var field in Enum.GetValues<PolicyField>())
            {
                json.WriteString(PolicyFields.NameOf(field), PolicyFields.ValueOf(facts, field));
            }

            json.WriteEndObject();
            json.WriteStartArray("rules");
            foreach (var rule in explanation.Rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRule(Utf8JsonWriter json, PolicyRuleTrace rule)
    {
        json.WriteStartObject();
        json.WriteString("name", rule.Rule.Name);
        json.WriteString("effect", PolicyCommand.EffectName(rule.Rule.Effect));
        json.WriteBoolean("matched", rule.Matched);
        json.WriteStartArray("fields");
        foreach (var field in rule.Fields)
        {
            json.WriteStartObject();
            json.WriteString("field", field.FieldName);
            json.WriteString("value", field.Value);
            json.WriteBoolean("matched", field.Matched);
            json.WriteStartArray("patterns");
            foreach (var pattern in field.Patterns)
            {
                json.WriteStringValue(pattern.Text);
            }

            json.WriteEndArray();
            json.WriteString("matchedPattern", field.MatchedPattern?.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
