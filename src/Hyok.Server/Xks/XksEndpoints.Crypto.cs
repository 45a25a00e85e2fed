using System.Security.Cryptography;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

internal sealed partial class XksEndpoints
{
    private async ValueTask<XksExchange> EncryptAsync(XksRoute route, byte[] body, XksProgress progress, CancellationToken cancellationToken)
    {
        var command = RequestParser.ParseEncrypt(body, limits);
        if (!command.IsSuccess)
        {
            return XksExchange.Failure(command.Error);
        }

        try
        {
            var metadata = command.Value.Metadata;
            var opened = await OpenAsync(route, metadata, progress, cancellationToken).ConfigureAwait(false);
            if (!opened.Key.IsSuccess)
            {
                return new XksExchange(metadata, XksReply.Failure(opened.Key.Error), opened.Decision);
            }

            var result = await encrypt.ExecuteAsync(opened.Key.Value, command.Value, cancellationToken).ConfigureAwait(false);
            return new XksExchange(metadata, result.IsSuccess
                ? XksReply.Ok(result.Value, XksJsonContext.Default.EncryptResponse)
                : XksReply.Failure(result.Error), opened.Decision);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(command.Value.Plaintext);
        }
    }

    private async ValueTask<XksExchange> DecryptAsync(XksRoute route, byte[] body, XksProgress progress, CancellationToken cancellationToken)
    {
        var command = RequestParser.ParseDecrypt(body, limits);
        if (!command.IsSuccess)
        {
            return XksExchange.Failure(command.Error);
        }

        var metadata = command.Value.Metadata;
        var opened = await OpenAsync(route, metadata, progress, cancellationToken).ConfigureAwait(false);
        if (!opened.Key.IsSuccess)
        {
            return new XksExchange(metadata, XksReply.Failure(opened.Key.Error), opened.Decision);
        }

        var result = await decrypt.ExecuteAsync(opened.Key.Value, command.Value, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return new XksExchange(metadata, XksReply.Failure(result.Error), opened.Decision);
        }

        try
        {
            var response = new DecryptResponse(Convert.ToBase64String(result.Value));
            return new XksExchange(metadata, XksReply.Ok(response, XksJsonContext.Default.DecryptResponse), opened.Decision);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(result.Value);
        }
    }
}
