using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Authentication;

/// <summary>
/// Cross-checks the verifier against an independent SigV4 implementation: curl <c>--aws-sigv4</c>
/// (xks-spec.md §7.1, Appendix D). curl is a hard prerequisite: without it this test FAILS.
/// </summary>
public sealed class SigV4CurlCrossCheckTests
{
    [Fact]
    public async Task Verify_CurlSignedRequest_AcceptedAndTamperingRejected()
    {
        string curl = FindCurl() ?? throw new InvalidOperationException(
            "curl was not found on PATH; it is required for the SigV4 cross-check (install the Debian package 'curl').");
        string bodyFile = Path.GetTempFileName();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await File.WriteAllBytesAsync(bodyFile, SigV4TestData.Body, timeout.Token);
            using var server = new RawHttpCapture();
            Task<CapturedHttpRequest> capture = server.AcceptOneAsync(timeout.Token);
            string url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}{SigV4TestData.Path}");
            await RunCurlAsync(curl, url, bodyFile, timeout.Token);
            CapturedHttpRequest captured = await capture;

            Assert.Equal(SigV4TestData.Body, captured.Body);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{server.Port}"), captured.Headers["Host"]);
            Assert.True(SigV4Timestamp.TryParse(captured.Headers["X-Amz-Date"], out DateTimeOffset signedAt));
            var verifier = new SigV4Verifier(SigV4TestData.Credentials(), new FakeTimeProvider(signedAt.AddSeconds(2)));

            var accepted = verifier.Verify(captured.ToSigV4Request(), SigV4TestData.KeyStore);
            Assert.True(accepted.IsSuccess, accepted.Error?.Message);
            Assert.Equal(SigV4TestData.AccessKeyId, accepted.Value.AccessKeyId);

            byte[] tampered = [.. captured.Body];
            tampered[^2] ^= 0x20;
            Assert.False(verifier.Verify(captured.ToSigV4Request(body: tampered), SigV4TestData.KeyStore).IsSuccess);
            Assert.False(verifier.Verify(captured.ToSigV4Request(path: "/other/kms/xks/v1/health"), SigV4TestData.KeyStore).IsSuccess);
            Assert.False(verifier.Verify(captured.ToSigV4Request(), SigV4TestData.OtherKeyStore).IsSuccess);
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    private static async Task RunCurlAsync(string curl, string url, string bodyFile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(curl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[]
        {
            "--silent", "--show-error", "--max-time", "20",
            "--aws-sigv4", "aws:amz:" + SigV4TestData.Region + ":kms-xks-proxy",
            "--user", SigV4TestData.AccessKeyId + ":" + SigV4TestData.Secret,
            "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "@" + bodyFile, url,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"curl exited with {process.ExitCode}: {await error}");
    }

    private static string? FindCurl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "curl"))
            .FirstOrDefault(File.Exists);
}
