namespace Hyok.Server.Tests.Support;

/// <summary>A credential the tests sign with; <see cref="object.ToString"/> redacts the secret (assertion messages print it).</summary>
public sealed record TestCredential(string KeyStore, string AccessKeyId, string Secret)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("KeyStore = ").Append(KeyStore).Append(", AccessKeyId = ").Append(AccessKeyId).Append(", Secret = (redacted)");
        return true;
    }
}
