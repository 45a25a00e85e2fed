using System.CommandLine;
using Hyok.Authorization;

namespace Hyok.Cli.Commands;

/// <summary>The <c>KIND VALUE</c> arguments of <c>hyok block</c> and <c>hyok unblock</c>.</summary>
internal static class BlockArguments
{
    public static Argument<string> Kind(bool optional = false)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "key (an externalKeyId), key-store (a configured key store name), principal (an awsPrincipalArn) or service (a kmsViaService).",
            Arity = optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        };
        kind.AcceptOnlyFromAmong([.. BlockKinds.Words]);
        return kind;
    }

    public static Argument<string> Value(bool optional = false) => new("value")
    {
        Description = "What to block, matched exactly (case-sensitive) against the request.",
        Arity = optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
    };

    public static BlockKind ParseKind(string text) =>
        BlockKinds.Parse(text) ?? throw new CliException($"'{text}' is not a block kind: use key, key-store, principal or service.");
}
