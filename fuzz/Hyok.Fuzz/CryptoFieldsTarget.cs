using System.Text;
using Hyok.Protocol;

namespace Hyok.Fuzz;

/// <summary>
/// <c>crypto-fields</c>: up to five lines, the Base64 fields of a Decrypt request in the order of xks-spec.md §5.4
/// (additionalAuthenticatedData, ciphertextMetadata, initializationVector, ciphertext, authenticationTag; a missing line
/// is an absent field). Each goes through <see cref="StrictBase64"/> against a reference; the fields then go as a Decrypt
/// body through <see cref="RequestParser.ParseDecrypt"/>, which must accept exactly the valid in-limit ones, and the
/// decoded bytes through the §5.3 AAD construction, the §5.4 CDIV and the ciphertext metadata format.
/// </summary>
internal static partial class CryptoFieldsTarget
{
    private static readonly string[] FieldNames =
        ["additionalAuthenticatedData", "ciphertextMetadata", "initializationVector", "ciphertext", "authenticationTag"];

    private static readonly XksLimits Limits = XksLimits.Default;

    /// <summary>Largest decoded size <see cref="RequestParser"/> accepts for each field, in <see cref="FieldNames"/> order.</summary>
    private static readonly int[] MaxBytes = [Limits.MaxAadBytes, XksLimits.MaxCiphertextMetadataBytes, 64, Limits.MaxPlaintextBytes, 64];

    public static void Run(byte[] input)
    {
        string[] lines = Encoding.UTF8.GetString(input).Split('\n');
        var fields = new string?[FieldNames.Length];
        var decoded = new byte[]?[FieldNames.Length];
        for (int i = 0; i < fields.Length && i < lines.Length; i++)
        {
            fields[i] = lines[i];
            decoded[i] = CheckBase64(lines[i]);
        }

        bool valid = decoded.Select((bytes, i) => bytes is null ? fields[i] is null && i < 2 : bytes.Length <= MaxBytes[i]).All(ok => ok);
        var command = RequestParser.ParseDecrypt(DecryptBody(fields), Limits);
        FuzzInvariantException.Require(command.IsSuccess == valid, valid ? "valid fields were refused" : "invalid fields were accepted");
        if (!command.IsSuccess)
        {
            SafeMessage.Check(command.Error, XksErrorCode.ValidationException, XksErrorCode.UnsupportedOperationException);
            return;
        }

        var value = command.Value;
        byte[][] got = [value.AdditionalAuthenticatedData, value.CiphertextMetadata ?? [], value.InitializationVector, value.Ciphertext, value.AuthenticationTag];
        for (int i = 0; i < got.Length; i++)
        {
            FuzzInvariantException.Require(got[i].AsSpan().SequenceEqual(decoded[i] ?? []), $"{FieldNames[i]} decoded differently in the request");
        }

        CheckAad(got[0], got[1]);
        CheckIntegrityValue(got);
    }
}
