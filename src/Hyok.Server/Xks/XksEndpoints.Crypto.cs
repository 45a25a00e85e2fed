using System.Security.Cryptography;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

internal sealed partial class XksEndpoints
{
    private async ValueTask<XksReply> EncryptAsync(XksRoute route, byte[] body, XksProgress progress, CancellationToken cancellationToken)
    {
        var command = RequestParser.ParseEncrypt(body, limits);
        if (!command.IsSuccess)
        {
            return XksReply.Failure(command.Error);
        }

        try
        {
            var opened = await OpenAsync(route, command.Value.Metadata, progress, cancellationToken).ConfigureAwait(false);
            if (!opened.Key.IsSuccess)
            {
                return XksReply.Failure(opened.Key.Error);
            }

            var result = await encrypt.ExecuteAsync(opened.Key.Value, command.Value, cancellationToken).ConfigureAwait(false);
            return result.IsSuccess
                ? XksReply.Ok(result.Value, XksJsonContext.Default.EncryptResponse)
                : XksReply.Failure(result.Error);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(command.Value.Plaintext);
        }
    }

    private async ValueTask<XksReply> DecryptAsync(XksRoute route, byte[] body, XksProgress progress, CancellationToken cancellationToken)
    {
        var command = RequestParser.ParseDecrypt(body, limits);
        if (!command.IsSuccess)
        {
            return XksReply.Failure(command.Error);
        }

        var opened = await OpenAsync(route, command.Value.Metadata, progress, cancellationToken).ConfigureAwait(false);
        if (!opened.Key.IsSuccess)
        {
            return XksReply.Failure(opened.Key.Error);
        }

        var result = await decrypt.ExecuteAsync(opened.Key.Value, command.Value, cancellationToken).ConfigureAwait(false);
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
