using System.Text.Json.Nodes;

namespace Hyok.Kms.Operations;

/// <summary>
/// The handler of one KMS operation: returns the response body, or throws <see cref="Protocol.KmsException"/>
/// for an expected, API-defined error.
/// </summary>
internal delegate ValueTask<JsonObject> KmsOperation(KmsCall call);
