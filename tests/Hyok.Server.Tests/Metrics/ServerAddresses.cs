using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hyok.Server.Tests.Metrics;

/// <summary>Every address a running server bound, read from its services (XKS and metrics listeners alike).</summary>
public static class ServerAddresses
{
    public static IReadOnlyList<Uri> All(this IServiceProvider services) =>
        [.. services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];

    public static Uri MetricsAddress(this IServiceProvider services) => services.All().Single(a => a.Scheme == Uri.UriSchemeHttp);
}
