namespace Hyok.Kms.Protocol;

/// <summary>
/// Carries an expected <see cref="KmsError"/> out of request parsing and the operations to the one place that
/// answers it (<see cref="Hosting.KmsRequestHandler"/>). Never escapes the emulator; its message is the error's, safe to return.
/// </summary>
internal sealed class KmsException(KmsError error) : Exception(error.Message)
{
    public KmsError Error { get; } = error;
}
