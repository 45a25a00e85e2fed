using System.Text.Json.Nodes;
using Hyok.Kms.Protocol;
using Microsoft.AspNetCore.Http;

namespace Hyok.Kms.Hosting;

/// <summary>Writes JSON 1.1 responses: success bodies and <c>{"__type":"...","message":"..."}</c> errors.</summary>
internal static class KmsResponses
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static Task WriteAsync(HttpResponse response, JsonObject body)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        return response.WriteAsync(body.ToJsonString(), response.HttpContext.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpResponse response, KmsError error)
    {
        response.StatusCode = error.Status;
        response.ContentType = ContentType;
        response.Headers["x-amzn-ErrorType"] = error.Type;
        var body = new JsonObject { ["__type"] = error.Type, ["message"] = error.Message };
        return response.WriteAsync(body.ToJsonString(), response.HttpContext.RequestAborted);
    }
}
