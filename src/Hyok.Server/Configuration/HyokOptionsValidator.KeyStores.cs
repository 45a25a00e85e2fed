using Hyok.Authorization;

namespace Hyok.Server.Configuration;

public static partial class HyokOptionsValidator
{
    private static void ValidateKeyStores(IList<KeyStoreOptions> stores, List<string> problems)
    {
        if (stores.Count == 0)
        {
            problems.Add("Hyok:KeyStores: at least one logical key store is required.");
        }

        for (var i = 0; i < stores.Count; i++)
        {
            var store = stores[i];
            var name = $"Hyok:KeyStores:{i}";
            if (!StoreNamePattern().IsMatch(store.Name))
            {
                problems.Add($"{name}:Name '{store.Name}' must be 1-64 characters of A-Z a-z 0-9 _ -.");
            }

            // xks-spec.md §2.1: XksProxyUriPath is at most 128 characters of a-z A-Z 0-9 / - _.
            if (!PathPrefixPattern().IsMatch(store.PathPrefix) || store.PathPrefix.Length + "/kms/xks/v1".Length > 128)
            {
                problems.Add($"{name}:PathPrefix '{store.PathPrefix}' must be empty or '/'-separated segments of A-Z a-z 0-9 _ -, at most 117 characters.");
            }

            if (!RegionPattern().IsMatch(store.Region))
            {
                problems.Add($"{name}:Region '{store.Region}' is not an AWS Region name such as us-east-1.");
            }

            ValidatePolicyFile(store.PolicyFile, $"{name}:PolicyFile", problems);
            ValidateQuota(store, name, problems);
        }

        foreach (var duplicate in stores.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Hyok:KeyStores: the name '{duplicate.Key}' is used more than once.");
        }

        foreach (var duplicate in stores.GroupBy(s => s.PathPrefix, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Hyok:KeyStores: the path prefix '{duplicate.Key}' is used more than once.");
        }
    }

    /// <summary>A policy file that is set must load (docs/policy.md): the server never starts without a store's policy.</summary>
    private static void ValidatePolicyFile(string? path, string name, List<string> problems)
    {
        if (path is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{name} is empty; remove it or name a policy file.");
            return;
        }

        problems.AddRange(PolicyFile.Load(path).Errors.Select(e => $"{name}: {path}: {e}"));
    }
}
