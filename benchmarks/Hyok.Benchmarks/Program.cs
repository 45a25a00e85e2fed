using BenchmarkDotNet.Running;

namespace Hyok.Benchmarks;

/// <summary>BenchmarkDotNet's command line (<c>--filter</c>, <c>--job</c>, ...); scripts/microbench is the documented way in.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
