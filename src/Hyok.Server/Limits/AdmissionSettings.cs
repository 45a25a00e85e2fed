namespace Hyok.Server.Limits;

/// <summary>How many requests may work on the key backend at once, and how long the excess may queue (docs/operations.md "Overload and deadlines").</summary>
/// <param name="MaxConcurrency">The most requests in flight to the backend (and the start value of the adaptive limit).</param>
/// <param name="MinConcurrency">The adaptive limit never falls below this.</param>
/// <param name="Adaptive">Whether the limit adapts to the observed latency (AIMD) between the two bounds; otherwise it stays at <paramref name="MaxConcurrency"/>.</param>
/// <param name="TargetLatency">Service time above which the adaptive limit is cut.</param>
/// <param name="MaxQueueTime">The longest a request waits for a slot before it is shed with ThrottlingException.</param>
/// <param name="MaxQueueLength">The most requests waiting; a request beyond it is shed at once.</param>
internal sealed record AdmissionSettings(int MaxConcurrency, int MinConcurrency, bool Adaptive, TimeSpan TargetLatency, TimeSpan MaxQueueTime, int MaxQueueLength);
