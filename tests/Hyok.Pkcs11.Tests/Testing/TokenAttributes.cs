using Hyok.Protocol;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11.Testing;

/// <summary>Reads attributes of keys back from the token through a pooled session.</summary>
internal static class TokenAttributes
{
    private static readonly List<CKA> Checked =
    [
        CKA.CKA_TOKEN, CKA.CKA_PRIVATE, CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT,
        CKA.CKA_WRAP, CKA.CKA_UNWRAP, CKA.CKA_VALUE_LEN, CKA.CKA_KEY_TYPE,
    ];

    /// <summary>One dictionary of attribute → value (bool or ulong) per key labelled <paramref name="label"/>.</summary>
    public static async Task<List<Dictionary<CKA, object>>> ReadAsync(Pkcs11Token token, string label)
    {
        var read = await token.RunAsync((session, _) =>
        {
            var keys = new List<Dictionary<CKA, object>>();
            foreach (var handle in Pkcs11KeyObjects.FindAesKeys(session, label))
            {
                var values = session.GetAttributeValue(handle, Checked);
                keys.Add(Checked.Select((cka, i) => (cka, value: cka is CKA.CKA_VALUE_LEN or CKA.CKA_KEY_TYPE ? (object)values[i].GetValueAsUlong() : values[i].GetValueAsBool()))
                    .ToDictionary(p => p.cka, p => p.value));
            }

            return XksResult<List<Dictionary<CKA, object>>>.Success(keys);
        }, default);
        Assert.True(read.IsSuccess, read.Error?.ToString());
        return read.Value;
    }
}
