using System.Buffers;
using System.Text.Json.Nodes;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;
using Hyok.Kms.Storage;

namespace Hyok.Kms.Operations;

/// <summary>CreateAlias, ListAliases, DeleteAlias. Names are <c>alias/</c> + <c>[a-zA-Z0-9/_-]</c>, 1-256 characters, not under <c>alias/aws/</c>.</summary>
internal sealed class AliasOperations(KmsContext context)
{
    private const string Prefix = "alias/";
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/_-");

    public void Register(KmsOperations operations)
    {
        operations.Add("CreateAlias", call => ValueTask.FromResult(CreateAlias(call.Request)));
        operations.Add("ListAliases", call => ValueTask.FromResult(ListAliases(call.Request)));
        operations.Add("DeleteAlias", call => ValueTask.FromResult(DeleteAlias(call.Request)));
    }

    private JsonObject CreateAlias(KmsRequest request)
    {
        string name = ValidName(request.RequiredString("AliasName", 256));
        var key = context.ResolveKey(request.RequiredString("TargetKeyId"), allowAlias: false);
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw new KmsException(KmsErrors.PendingDeletion(key.Arn));
        }

        var now = context.Time.GetUtcNow();
        return context.Database.TryInsertAlias(new KmsAlias(name, key.Id, now, now))
            ? []
            : throw new KmsException(KmsErrors.AlreadyExists($"An alias with the name {context.Arns.Alias(name)} already exists"));
    }

    private JsonObject ListAliases(KmsRequest request)
    {
        string? keyId = request.String("KeyId");
        int limit = request.Int("Limit", 1, 100) ?? 50;
        string? marker = request.String("Marker", 1024);
        if (marker is not null && !marker.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new KmsException(KmsErrors.InvalidMarker());
        }

        Guid? target = keyId is null ? null : context.ResolveKey(keyId, allowAlias: false).Id;
        var page = context.Database.ListAliases(target, marker, limit + 1);
        var aliases = new JsonArray();
        foreach (var alias in page.Take(limit))
        {
            aliases.Add(new JsonObject
            {
                ["AliasName"] = alias.Name,
                ["AliasArn"] = context.Arns.Alias(alias.Name),
                ["TargetKeyId"] = alias.TargetKeyId.ToString("D"),
                ["CreationDate"] = KmsJson.Timestamp(alias.CreationDate),
                ["LastUpdatedDate"] = KmsJson.Timestamp(alias.LastUpdatedDate),
            });
        }

        var response = new JsonObject { ["Aliases"] = aliases, ["Truncated"] = page.Count > limit };
        if (page.Count > limit)
        {
            response["NextMarker"] = page[limit].Name;
        }

        return response;
    }

    private JsonObject DeleteAlias(KmsRequest request)
    {
        string name = request.RequiredString("AliasName", 256);
        return context.Database.DeleteAlias(name)
            ? []
            : throw new KmsException(KmsErrors.NotFound($"Alias {context.Arns.Alias(name)} is not found."));
    }

    /// <summary>The AWS rules for a customer alias name.</summary>
    internal static string ValidName(string name)
    {
        if (name.AsSpan().ContainsAnyExcept(NameChars))
        {
            throw new KmsException(KmsErrors.Validation("AliasName", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$", name));
        }

        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name.Length == Prefix.Length)
        {
            throw new KmsException(KmsErrors.InvalidAliasName("Alias must start with the prefix \"alias/\" followed by a name."));
        }

        return name.StartsWith("alias/aws/", StringComparison.Ordinal)
            ? throw new KmsException(KmsErrors.InvalidAliasName("The alias/aws/ prefix is reserved for AWS managed keys."))
            : name;
    }
}
