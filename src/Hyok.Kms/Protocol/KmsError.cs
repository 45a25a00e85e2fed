namespace Hyok.Kms.Protocol;

/// <summary>
/// An AWS KMS error as the JSON 1.1 protocol answers it: HTTP status and a body
/// <c>{"__type":"NotFoundException","message":"..."}</c>. The type names are those of the AWS KMS API reference;
/// SDKs map <see cref="Type"/> to their exception classes (e.g. <c>KMSInvalidStateException</c>).
/// </summary>
/// <param name="Type">The exception name, e.g. <c>NotFoundException</c>, <c>KMSInvalidStateException</c>.</param>
/// <param name="Message">A message for the caller; never secrets, plaintext or key material.</param>
/// <param name="Status">The HTTP status: 400 for client errors, 500 for KMSInternalException, 503 for DependencyTimeoutException.</param>
public sealed record KmsError(string Type, string Message, int Status = 400);
