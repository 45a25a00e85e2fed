using System.Security.Cryptography;
using Hyok.Crypto;
using Hyok.Protocol;
using Hyok.Server.Limits;

namespace Hyok.Server.Xks;

internal sealed partial class XksEndpoints
{
    private async ValueTask<XksReply> EncryptAsync(XksRoute route, byte[] body, XksProgress progress, RequestDeadline deadline)
    {
        var command = RequestParser.ParseEncrypt(body, limits);
        if (!command.IsSuccess)
        {
            return XksReply.Failure(command.Error);
        }

        try
        {
            using var admitted = await AdmitAsync(route, command.Value.Metadata, progress, deadline).ConfigureAwait(false);
            if (admitted.Refusal is { } refusal)
            {
                return XksReply.Failure(refusal);
            }

            AdmissionScope.Current = admitted.Lease;
            var opened = await OpenAsync(route, progress, deadline.Token).ConfigureAwait(false);
            if (!opened.Key.IsSuccess)
            {
                return XksReply.Failure(opened.Key.Error);
            }

            progress.KeyVersion = opened.Key.Value.CurrentVersion;
            var result = await encrypt.ExecuteAsync(opened.Key.Value, command.Value, deadline.Token).ConfigureAwait(false);
            return result.IsSuccess
                ? XksReply.Ok(result.Value, XksJsonContext.Default.EncryptResponse)
                : XksReply.Failure(result.Error);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(command.Value.Plaintext);
        }
    }

    private async ValueTask<XksReply> DecryptAsync(XksRoute route, byte[] body, XksProgress progress, RequestDeadline deadline)
    {
        var command = RequestParser.ParseDecrypt(body, limits);
        if (!command.IsSuccess)
        {
            return XksReply.Failure(command.Error);
        }

        using var admitted = await AdmitAsync(route, command.Value.Metadata, progress, deadline).ConfigureAwait(false);
        if (admitted.Refusal is { } refusal)
        {
            return XksReply.Failure(refusal);
        }

        AdmissionScope.Current = admitted.Lease;
        var opened = await OpenAsync(route, progress, deadline.Token).ConfigureAwait(false);
        if (!opened.Key.IsSuccess)
        {
            return XksReply.Failure(opened.Key.Error);
        }

        progress.KeyVersion = CiphertextMetadataFormat.TryReadVersion(command.Value.CiphertextMetadata, out int keyVersion) ? keyVersion : null;
        var result = await decrypt.ExecuteAsync(opened.Key.Value, command.Value, deadline.Token).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return XksReply.Failure(result.Error);
        }

        try
        {
            var response = new DecryptResponse(Convert.ToBase64String(result.Value));
            return XksReply.Ok(response, XksJsonContext.Default.DecryptResponse);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(result.Value);
        }
    }
}
