using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>
/// One authenticated call: the operation name (e.g. <c>Encrypt</c>), its parsed body, the caller, and the request id the
/// response carries in <c>x-amzn-RequestId</c> (sent to XKS proxies as <c>kmsRequestId</c>, xks-spec.md §3.1).
/// </summary>
internal sealed record KmsCall(string Operation, KmsRequest Request, KmsCaller Caller, string RequestId, CancellationToken CancellationToken);
