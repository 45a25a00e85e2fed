using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hyok.Storage;

namespace Hyok.Kms.Configuration;

/// <summary>
/// The credentials file: <c>{"Credentials":[{"AccessKeyId":"...","SecretAccessKey":"...","PrincipalArn":"arn:aws:iam::..."}]}</c>,
/// mode 0600. <see cref="CreateDefault"/> writes one random credential on first run.
/// </summary>
public static class KmsCredentialsFile
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static IReadOnlyList<KmsCredential> Read(string path)
    {
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))?["Credentials"]?.AsArray()
                ?? throw new InvalidDataException($"{path}: expected an object with a Credentials array.");
            return [.. root.Select(node => new KmsCredential(
                Required(node, "AccessKeyId", path), Required(node, "SecretAccessKey", path), Required(node, "PrincipalArn", path)))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a valid credentials file ({e.GetType().Name}).", e);
        }
    }

    /// <summary>Writes a new file (mode 0600, never overwriting) with one random credential for <paramref name="principalArn"/>.</summary>
    public static KmsCredential CreateDefault(string path, string principalArn)
    {
        var credential = new KmsCredential("AKIA" + RandomNumberGenerator.GetString(Base32, 16), RandomNumberGenerator.GetString(SecretChars, 40), principalArn);
        var json = new JsonObject
        {
            ["Credentials"] = new JsonArray(new JsonObject
            {
                ["AccessKeyId"] = credential.AccessKeyId,
                ["SecretAccessKey"] = credential.SecretAccessKey,
                ["PrincipalArn"] = credential.PrincipalArn,
            }),
        };
        StorageFiles.CreatePrivateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        StorageFiles.WritePrivateText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        return credential;
    }

    private static string Required(JsonNode? node, string name, string path) =>
        node?[name]?.GetValue<string>() is { Length: > 0 } value ? value : throw new InvalidDataException($"{path}: every credential needs {name}.");
}
