using System.Net.Http;
using Hyok.Client;
using Hyok.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// Calls one external key store's proxy the way KMS does: requests signed by <see cref="XksClient"/> (xks-spec.md §7.1)
/// over one HttpClient per proxy, real <c>requestMetadata</c> (§3), a deadline of <see cref="DefaultTimeout"/> per call
/// covering connect, TLS and the exchange (§9), and every outcome a value (<see cref="XksCallResult{T}"/>).
/// One instance per key store configuration; replace it when UpdateCustomKeyStore changes the settings.
/// </summary>
public sealed partial class XksProxyCaller : IDisposable
{
    /// <summary>KMS's timeout per proxy call (xks-spec.md §9).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http;
    private readonly Hyok.Server.Tls.ServerCertificate? _clientCertificate;
    private readonly XksClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="settings">The key store's proxy settings (validated by <see cref="XksProxyParameters"/>).</param>
    /// <param name="time">The clock for signing and the deadline.</param>
    /// <param name="timeout">The per-call deadline; null: <see cref="DefaultTimeout"/>.</param>
    /// <param name="logger">Where call outcomes are logged (ids, operation, outcome, latency; never payloads).</param>
    /// <exception cref="InvalidOperationException">The CA bundle or the client certificate cannot be read.</exception>
    public XksProxyCaller(XksProxySettings settings, TimeProvider time, TimeSpan? timeout = null, ILogger<XksProxyCaller>? logger = null)
        : this(settings, time, timeout, handler => handler, logger)
    {
    }

    /// <summary>
    /// As the other constructor; <paramref name="customize"/> adjusts the connection handler (same trust and TLS versions)
    /// and returns the handler to send through: <c>hyok doctor</c> connects to another address (<c>--connect</c>) and reads
    /// response headers on the way.
    /// </summary>
    public XksProxyCaller(
        XksProxySettings settings, TimeProvider time, TimeSpan? timeout, Func<SocketsHttpHandler, HttpMessageHandler> customize, ILogger<XksProxyCaller>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(customize);
        Settings = settings;
        Timeout = timeout ?? DefaultTimeout;
        _time = time;
        _logger = logger ?? NullLogger<XksProxyCaller>.Instance;
        var trust = XksProxyTrust.Load(settings, time);
        _clientCertificate = XksClientCertificate.Load(settings);
        _http = XksProxyHttp.Create(trust, _clientCertificate, customize);
        _client = new XksClient(_http, settings.EndpointUri, settings.UriPath, settings.Region, settings.AccessKeyId, settings.Secret, time);
    }

    public XksProxySettings Settings { get; }

    public TimeSpan Timeout { get; }

    public void Dispose()
    {
        _http.Dispose();
        _clientCertificate?.Dispose();
    }

    /// <summary>Sends one signed request within the deadline and classifies the outcome; <paramref name="parse"/> reads a 200 body.</summary>
    private async Task<XksCallResult<T>> CallAsync<T>(
        string operationPath, string kmsOperation, string kmsRequestId, byte[] body, Func<byte[], XksParsed<T>> parse, CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        XksCallResult<T> result;
        try
        {
            using var response = await _client.SendAsync(operationPath, body, linked.Token).ConfigureAwait(false);
            byte[] answer = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var parsed = (int)response.StatusCode == 200 ? parse(answer) : XksParsed<T>.Fail(XksResponseReader.ErrorOf((int)response.StatusCode, answer));
            result = parsed.Failure is { } failure ? XksCallResult<T>.Failed(failure, kmsRequestId) : XksCallResult<T>.Success(parsed.Value!, kmsRequestId);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            result = XksCallResult<T>.Failed(new XksProxyFailure(XksFailureKind.TimedOut, $"no answer within {Timeout.TotalMilliseconds} ms"), kmsRequestId);
        }
        catch (HttpRequestException e)
        {
            result = XksCallResult<T>.Failed(FailureOf(e), kmsRequestId);
        }
        catch (IOException e)
        {
            result = XksCallResult<T>.Failed(XksProxyFailure.Invalid("the proxy's answer was cut off: " + e.Message), kmsRequestId);
        }

        Log(operationPath, kmsOperation, kmsRequestId, result.Failure, _time.GetElapsedTime(started));
        return result;
    }
}
