using Hyok.Protocol;

namespace Hyok.Server.Limits;

/// <summary>The outcome of <see cref="RequestAdmission.EnterAsync"/>: a slot to hold while working, or the refusal to answer.</summary>
internal readonly record struct Admission(AdmissionLease? Lease, XksError? Refusal) : IDisposable
{
    public void Dispose() => Lease?.Dispose();
}
