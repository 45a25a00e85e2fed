using System.Text;

namespace Hyok.Authentication;

/// <summary>Property-style: random and mutated Authorization / X-Amz-Date values never throw and never verify.</summary>
public sealed class SigV4VerifierFuzzTests
{
    private static readonly string[] Fragments =
    [
        "AWS4-HMAC-SHA256", " ", ",", ", ", "=", "/", ";", "Credential", "SignedHeaders", "Signature",
        SigV4TestData.AccessKeyId, "20240515", "us-east-1", "kms-xks-proxy", "aws4_request", "host", "x-amz-date",
        SigV4TestData.Signature, "\u00e9", "\0", "\uD800", "\r\n", "\t",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Verify_RandomAuthorization_NeverThrowsNeverAccepts(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 1500; i++)
        {
            string authorization = (i % 3) switch
            {
                0 => RandomChars(random),
                1 => RandomFragments(random),
                _ => Mutate(random, SigV4TestData.Authorization),
            };
            var request = TestRequest.Signed();
            request.Authorization = authorization;
            if (random.Next(4) == 0)
            {
                request.Headers["X-Amz-Date"] = random.Next(2) == 0 ? RandomChars(random) : Mutate(random, SigV4TestData.AmzDate);
            }

            var result = VerifierFixture.Verify(request);

            if (result.IsSuccess)
            {
                // Only a mutation that kept the header equivalent (e.g. a removed space after a comma) may pass.
                Assert.Equal(SigV4TestData.AmzDate, request.Headers["X-Amz-Date"]);
                Assert.Contains(SigV4TestData.Signature, authorization, StringComparison.Ordinal);
                continue;
            }

            VerifierFixture.AssertAuthenticationFailed(result, request);
        }
    }

    private static string RandomChars(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(0, random.Next(2) == 0 ? 300 : 6000);
        for (int i = 0; i < length; i++)
        {
            text.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : (char)random.Next(0x20, 0x7F));
        }

        return text.ToString();
    }

    private static string RandomFragments(Random random)
    {
        var text = new StringBuilder();
        for (int count = random.Next(0, 30); count > 0; count--)
        {
            text.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return text.ToString();
    }

    private static string Mutate(Random random, string original)
    {
        var text = new StringBuilder(original);
        for (int edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            int at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, (char)random.Next(0x20, 0x7F)); break;
                default: text[at] = (char)random.Next(0, 0x300); break;
            }
        }

        return text.ToString();
    }
}
