namespace Hyok.Server.Xks;

/// <summary>When a request arrived: wall-clock time for the audit record, a timestamp for its latency.</summary>
internal readonly record struct XksArrival(DateTimeOffset Time, long Timestamp);
