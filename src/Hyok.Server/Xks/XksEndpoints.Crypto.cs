using System.Security.Cryptography;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

internal sealed partial class XksEndpoints
{
    private async ValueTask<XksExchange> EncryptAsync(XksRoute route, byte[] body, CancellationToken cancellationToken)
    {
        var command = RequestParser.ParseEncrypt(body, limits);
        if (!command.IsSuccess)
        {
            return new XksExchange(null, XksReply.Failure(command.Error));
        }

        try
        {
            var result = await encrypt.ExecuteAsync(route.Store, route.KeyId!, command.Value, cancellationToken).ConfigureAwait(false);
            return new XksExchange(command.Value.Metadata, result.IsSuccess
                ? XksReply.Ok(result.Value, XksJsonContext.Default.EncryptResponse)
                : XksReply.Failure(result.Error));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(command.Value.Plaintext);
        }
    }

    private async ValueTask<XksExchange> DecryptAsync(XksRoute route, byte[] body, CancellationToken cancellationToken)
    {
        var command = RequestParser.ParseDecrypt(body, limits);
        if (!command.IsSuccess)
        {
            return new XksExchange(null, XksReply.Failure(command.Error));
        }

        var result = await decrypt.ExecuteAsync(route.Store, route.KeyId!, command.Value, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return new XksExchange(command.Value.Metadata, XksReply.Failure(result.Error));
        }

        try
        {
            var response = new DecryptResponse(Convert.ToBase64String(result.Value));
            return new XksExchange(command.Value.Metadata, XksReply.Ok(response, XksJsonContext.Default.DecryptResponse));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(result.Value);
        }
    }
}
