using System.Text.Json.Nodes;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>DescribeCustomKeyStores: one store by id or name, or a page of all of them in id order.</summary>
internal sealed partial class CustomKeyStoreOperations
{
    private JsonObject Describe(KmsRequest request)
    {
        string? id = request.String("CustomKeyStoreId", 64);
        string? name = request.String("CustomKeyStoreName", 256);
        int limit = request.Int("Limit", 1, 1000) ?? 100;
        string? marker = request.String("Marker", 1024);
        if (id is not null && name is not null)
        {
            throw new KmsException(KmsErrors.Validation("Specify either CustomKeyStoreId or CustomKeyStoreName, not both."));
        }

        if (id is not null || name is not null)
        {
            var store = (id is not null ? context.Database.FindKeyStore(id) : context.Database.FindKeyStoreByName(name!))
                ?? throw new KmsException(KeyStoreErrors.NotFound(id ?? name!));
            return new JsonObject { ["CustomKeyStores"] = new JsonArray(Entry(store)), ["Truncated"] = false };
        }

        if (marker is not null && !marker.StartsWith("cks-", StringComparison.Ordinal))
        {
            throw new KmsException(KmsErrors.InvalidMarker());
        }

        var page = context.Database.ListKeyStores(marker, limit + 1);
        var response = new JsonObject { ["CustomKeyStores"] = new JsonArray([.. page.Take(limit).Select(Entry)]), ["Truncated"] = page.Count > limit };
        if (page.Count > limit)
        {
            response["NextMarker"] = page[limit].Id;
        }

        return response;
    }

    private static JsonNode Entry(KmsCustomKeyStore store)
    {
        var proxy = new JsonObject
        {
            ["Connectivity"] = store.Connectivity,
            ["AccessKeyId"] = store.AccessKeyId,
            ["UriEndpoint"] = store.UriEndpoint,
            ["UriPath"] = store.UriPath,
        };
        if (store.VpcEndpointServiceName is not null)
        {
            proxy["VpcEndpointServiceName"] = store.VpcEndpointServiceName;
        }

        var entry = new JsonObject
        {
            ["CustomKeyStoreId"] = store.Id,
            ["CustomKeyStoreName"] = store.Name,
            ["CustomKeyStoreType"] = KmsCustomKeyStore.Type,
            ["ConnectionState"] = store.ConnectionState,
            ["CreationDate"] = KmsJson.Timestamp(store.CreationDate),
            ["XksProxyConfiguration"] = proxy,
        };
        if (store.ConnectionErrorCode is not null)
        {
            entry["ConnectionErrorCode"] = store.ConnectionErrorCode;
        }

        return entry;
    }
}
