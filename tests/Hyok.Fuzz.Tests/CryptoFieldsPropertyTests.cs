using System.Security.Cryptography;
using FsCheck.Fluent;
using Hyok.Crypto;
using Hyok.Protocol;

namespace Hyok.Fuzz;

/// <summary>Properties of the Base64 fields (xks-spec.md §1), the §5.3 AAD construction and the §5.4 CDIV.</summary>
public sealed class CryptoFieldsPropertyTests
{
    [Fact]
    public void TryDecode_StandardEncoding_RoundTrips() => PropertyCheck.ForAll(PropertyCheck.Bytes(200), bytes =>
    {
        string text = Convert.ToBase64String(bytes);

        Assert.True(StrictBase64.TryDecode(text, out byte[] decoded));
        Assert.Equal(bytes, decoded);
        Assert.Equal(bytes.Length, StrictBase64.DecodedLength(text));
    }, seed: 11);

    [Fact]
    public void TryDecode_WhitespaceOrUrlSafeInserted_Refused()
    {
        var cases = from bytes in PropertyCheck.Bytes(60)
                    from at in Gen.Choose(0, 1000)
                    from inserted in Gen.Elements(' ', '\n', '\r', '\t', '-', '_', '.', '\0', 'é')
                    select (Convert.ToBase64String(bytes), at, inserted);
        PropertyCheck.ForAll(cases, c =>
        {
            string text = c.Item1.Insert(c.at % (c.Item1.Length + 1), c.inserted.ToString());

            Assert.False(StrictBase64.TryDecode(text, out _));
        }, seed: 12);
    }

    /// <summary>§5.3: the explicit lengths make the construction injective, so AAD-without-metadata never equals metadata-as-AAD.</summary>
    [Fact]
    public void GcmAadBuild_DifferentAadOrMetadata_DifferentOutput()
    {
        var field = PropertyCheck.Bytes(4).Select(b => b.Select(x => (byte)(x % 3)).ToArray());
        var pairs = from aad1 in field from md1 in field from aad2 in field from md2 in field select (aad1, md1, aad2, md2);
        PropertyCheck.ForAll(pairs, p =>
        {
            bool sameInputs = p.aad1.AsSpan().SequenceEqual(p.aad2) && p.md1.AsSpan().SequenceEqual(p.md2);

            Assert.Equal(sameInputs, GcmAad.Build(p.aad1, p.md1).AsSpan().SequenceEqual(GcmAad.Build(p.aad2, p.md2)));
        }, seed: 13, count: 2000);
    }

    [Fact]
    public void CiphertextIntegrityCompute_AnyFields_IsSha256OfConcatenation()
    {
        var fields = Gen.ArrayOf(PropertyCheck.Bytes(300), 5);
        PropertyCheck.ForAll(fields, f =>
        {
            byte[] expected = SHA256.HashData([.. f.SelectMany(x => x)]);

            Assert.Equal(expected, CiphertextIntegrity.Compute(f[0], f[1], f[2], f[3], f[4]));
        }, seed: 14);
    }
}
