using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>One authenticated call: the operation name (e.g. <c>Encrypt</c>), its parsed body and the caller.</summary>
internal sealed record KmsCall(string Operation, KmsRequest Request, KmsCaller Caller, CancellationToken CancellationToken);
