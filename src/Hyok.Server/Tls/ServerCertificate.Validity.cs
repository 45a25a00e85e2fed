namespace Hyok.Server.Tls;

/// <summary>
/// Validity dates: KMS refuses an expired certificate (xks-spec.md §8), so Hyok refuses to start with one, or with one
/// not valid yet, and never reloads one (<see cref="ServerCertificateProvider"/>).
/// </summary>
public sealed partial class ServerCertificate
{
    public DateTimeOffset NotBefore => new(Leaf.NotBefore.ToUniversalTime());

    public DateTimeOffset NotAfter => new(Leaf.NotAfter.ToUniversalTime());

    /// <summary><see cref="Load"/>, refusing a certificate that is not valid at the time of <paramref name="timeProvider"/>.</summary>
    /// <exception cref="ServerCertificateException">As <see cref="Load"/>, or expired, or not valid yet.</exception>
    public static ServerCertificate LoadCurrent(string certificateFile, string keyFile, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var certificate = Load(certificateFile, keyFile);
        if (certificate.ValidityProblem(certificateFile, timeProvider.GetUtcNow()) is { } problem)
        {
            certificate.Dispose();
            throw new ServerCertificateException(problem);
        }

        return certificate;
    }

    /// <summary>The problem <see cref="LoadCurrent"/> would report, or null (for start-up validation and <c>hyok config check</c>).</summary>
    public static string? Check(string certificateFile, string keyFile, TimeProvider timeProvider)
    {
        try
        {
            LoadCurrent(certificateFile, keyFile, timeProvider).Dispose();
            return null;
        }
        catch (ServerCertificateException e)
        {
            return e.Message;
        }
    }

    /// <summary>Why the certificate cannot be served at <paramref name="now"/>, or null when it is valid then.</summary>
    public string? ValidityProblem(string certificateFile, DateTimeOffset now) =>
        now < NotBefore ? $"the certificate in {certificateFile} is not valid before {NotBefore:u} (now is {now:u}; check the clock or wait)."
        : now > NotAfter ? $"the certificate in {certificateFile} expired on {NotAfter:u}; renew it (docs/operations.md, Certificates)."
        : null;
}
