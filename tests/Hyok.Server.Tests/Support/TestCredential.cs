namespace Hyok.Server.Tests.Support;

public sealed record TestCredential(string KeyStore, string AccessKeyId, string Secret);
