using System.Net.Http.Headers;

namespace Hyok.Server.Tests.Support;

/// <summary>Sends <see cref="BadRequest"/>s to a <see cref="ProxyFixture"/>: signed ones through the XKS client, the rest as they are.</summary>
public sealed class BadRequestSender(ProxyFixture proxy)
{
    public async Task<XksReplyText> SendAsync(BadRequest bad, HttpClient http, CancellationToken cancellationToken)
    {
        if (bad.Signing == BadRequestSigning.ClientSigned)
        {
            var store = proxy.Options.KeyStores.Single(s => bad.Path.StartsWith(s.PathPrefix + "/kms/xks/v1/", StringComparison.Ordinal));
            var credential = store.Name == ProxyFixture.Alpha ? proxy.AlphaCredential : proxy.BetaCredential;
            var operation = bad.Path[(store.PathPrefix.Length + "/kms/xks/v1/".Length)..];
            using var signed = await proxy.Client(credential, http: http).SendAsync(operation, bad.Body, request =>
            {
                bad.Tamper?.Invoke(request);
                return Task.CompletedTask;
            }, cancellationToken);
            return await XksReplyText.ReadAsync(signed);
        }

        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), new Uri(proxy.BaseUri.GetLeftPart(UriPartial.Authority) + bad.Path))
        {
            Version = http.DefaultRequestVersion,
            VersionPolicy = http.DefaultVersionPolicy,
            Content = new ByteArrayContent(bad.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        bad.Tamper?.Invoke(request);
        using var response = await http.SendAsync(request, cancellationToken);
        return await XksReplyText.ReadAsync(response);
    }
}
