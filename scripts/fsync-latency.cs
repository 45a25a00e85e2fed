// Latency of one audit-sized append + fdatasync(2), in a growing file (as the audit trail writes today) and in a file
// zero-filled and fsynced beforehand (overwrites: no size change to commit), and the process's CPU time per write (in a
// VM, mostly the exits of the disk notifications). Linux only; nothing asserts the numbers.
// Usage: dotnet run scripts/fsync-latency.cs [folder=/tmp] [writes=3000] [rounds=2]      (docs/performance.md)
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

var folder = args.Length > 0 ? args[0] : Path.GetTempPath();
int writes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var line = new byte[600];
Array.Fill(line, (byte)'x');
line[^1] = (byte)'\n';
for (int round = 0; round < rounds; round++)
{
    foreach (bool preZeroed in new[] { false, true })
    {
        var path = Path.Combine(folder, $"fsync-latency-{Guid.NewGuid():N}");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1))
        {
            if (preZeroed)
            {
                file.Write(new byte[(writes * line.Length) + 4096]);
                Sync(file);
                file.Position = 0;
            }

            var latencies = new double[writes];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < writes; i++)
            {
                long start = Stopwatch.GetTimestamp();
                file.Write(line);
                Sync(file);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            var cpuMicroseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / writes;
            Array.Sort(latencies);
            double At(double q) => latencies[(int)(q * (writes - 1))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(preZeroed ? "pre-zeroed" : "growing   ")}  p50 {At(0.5):F3}  p90 {At(0.9):F3}  p99 {At(0.99):F3}  p99.9 {At(0.999):F3}  max {latencies[^1]:F2} ms  CPU {cpuMicroseconds:F0} µs per write"));
        }

        File.Delete(path);
    }
}

static void Sync(FileStream file)
{
    if (Native.fdatasync((int)file.SafeFileHandle.DangerousGetHandle()) != 0)
    {
        throw new IOException($"fdatasync failed: errno {Marshal.GetLastPInvokeError()}");
    }
}

static partial class Native
{
    [DllImport("libc", SetLastError = true)]
    internal static extern int fdatasync(int fd);
}
