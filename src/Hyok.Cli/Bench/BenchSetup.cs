using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Hyok.Cli.Commands;
using Hyok.Cli.Targets;
using Hyok.Client;
using Hyok.Protocol;

namespace Hyok.Cli.Bench;

/// <summary>
/// Before the run: asks GetHealthStatus for the backend's model (xks-spec.md §4.4) and builds the request to
/// repeat. A server that cannot be reached is a setup failure; an error answer is not (the run counts it).
/// </summary>
internal sealed partial class BenchSetup(XksClient client, XksTarget target, CancellationToken cancellationToken)
{
    public const string UnknownBackend = "unknown";

    /// <summary><c>ekmFleetDetails[0].model</c> of a healthy answer, else <see cref="UnknownBackend"/>.</summary>
    public async Task<string> BackendAsync()
    {
        using var response = await SendAsync(BenchBodies.Health()).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return UnknownBackend;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, XksJsonContext.Default.HealthStatusResponse)?.EkmFleetDetails is [var first, ..]
            ? first.Model
            : UnknownBackend;
    }

    /// <summary>One request to repeat per operation of the mix, all with the same plaintext and AAD.</summary>
    public async Task<IReadOnlyDictionary<BenchOperation, RequestTemplate>> RequestsAsync(BenchSettings settings)
    {
        var plaintext = RandomNumberGenerator.GetBytes(settings.PlaintextBytes);
        var aad = RandomNumberGenerator.GetBytes(settings.AadBytes);
        var requests = new Dictionary<BenchOperation, RequestTemplate>();
        foreach (var operation in settings.Mix.Operations)
        {
            requests[operation] = operation switch
            {
                BenchOperation.Health => BenchBodies.Health(),
                BenchOperation.Metadata => BenchBodies.Metadata(target.KeyId),
                BenchOperation.Encrypt => BenchBodies.Encrypt(target.KeyId, plaintext, aad),
                _ => await DecryptRequestAsync(plaintext, aad).ConfigureAwait(false),
            };
        }

        return requests;
    }

    private async Task<HttpResponseMessage> SendAsync(RequestTemplate template)
    {
        try
        {
            return await client.SendAsync(template.OperationPath, template.NextBody(), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"Cannot reach {target.ApiUri}: {Describe(e)}");
        }
        catch (OperationCanceledException)
        {
            throw new CliException(cancellationToken.IsCancellationRequested
                ? "Interrupted before the run started."
                : $"No answer from {target.ApiUri} within {XksHttp.RequestTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>The message, with the root cause when it says "see inner exception" (TLS failures).</summary>
    private static string Describe(HttpRequestException e)
    {
        const string seeInner = ", see inner exception.";
        return e.Message.EndsWith(seeInner, StringComparison.Ordinal)
            ? $"{e.Message[..^seeInner.Length]}: {e.GetBaseException().Message}"
            : e.Message;
    }
}
