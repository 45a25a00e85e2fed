namespace Hyok.Cli.Doctor;

/// <summary>Remembers the <c>Date</c> header of the last response and when it arrived by this machine's clock, for the clock skew check.</summary>
internal sealed class ServerDateWatcher(HttpMessageHandler inner, TimeProvider time) : DelegatingHandler(inner)
{
    /// <summary>The server's <c>Date</c> and this machine's time on arrival; null before any response or when it sent no Date.</summary>
    public (DateTimeOffset Server, DateTimeOffset Local)? LastDate { get; private set; }

    /// <summary>Whether any HTTP response arrived.</summary>
    public bool Answered { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Answered = true;
        if (response.Headers.Date is { } date)
        {
            LastDate = (date, time.GetUtcNow());
        }

        return response;
    }
}
