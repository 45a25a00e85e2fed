using BenchmarkDotNet.Attributes;
using Hyok.Protocol;

namespace Hyok.Benchmarks;

/// <summary>
/// Parsing and validating an Encrypt request body (xks-spec.md §4.2, §6.3 step 4) through <see cref="RequestParser"/>,
/// the code the server runs: source-generated JSON, strict Base64, limits. A data key (32 bytes) and the spec's
/// largest plaintext (4300 bytes), each with 64 bytes of AAD and CDIV requested.
/// </summary>
[MemoryDiagnoser]
public class RequestParseBenchmarks
{
    private byte[] body = [];

    [Params(32, 4300)]
    public int PlaintextBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        body = EncryptBody.Create(PlaintextBytes, 64);
        if (!ParseEncrypt().IsSuccess)
        {
            throw new InvalidOperationException("The benchmark body does not parse.");
        }
    }

    [Benchmark]
    public XksResult<EncryptCommand> ParseEncrypt() => RequestParser.ParseEncrypt(body, XksLimits.Default);
}
