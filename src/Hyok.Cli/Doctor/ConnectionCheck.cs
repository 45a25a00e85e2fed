using System.Net;
using System.Net.Sockets;

namespace Hyok.Cli.Doctor;

/// <summary>
/// Can KMS open a TCP connection: the endpoint's name resolves to an IPv4 address (KMS does not use IPv6, xks-spec.md §1)
/// and the address (or <c>--connect</c>'s) accepts a connection within the timeout.
/// </summary>
internal static class ConnectionCheck
{
    public const string Name = "tcp-connect";

    public static async Task<DoctorFinding> RunAsync(DoctorTarget target, CancellationToken cancellationToken)
    {
        var address = target.Address;
        if (target.ConnectTo is null && !IPAddress.TryParse(address.Host, out _))
        {
            IPAddress[] resolved;
            try
            {
                resolved = await Dns.GetHostAddressesAsync(address.Host, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                return DoctorFinding.Fail(Name, $"{address.Host} does not resolve to an IPv4 address: {e.Message}",
                    "Publish an A record for the endpoint's name (KMS connects over IPv4 only).", "XKS_PROXY_NOT_REACHABLE");
            }

            address = new DnsEndPoint(resolved[0].ToString(), address.Port);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(target.Timeout);
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(address.Host, address.Port, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DoctorFinding.Fail(Name, $"no connection to {address.Host}:{address.Port} within {target.Timeout.TotalSeconds} s",
                "Open TCP 443 to the proxy from the internet (public endpoint) or from the NLB (VPC endpoint service).", "XKS_PROXY_TIMED_OUT");
        }
        catch (SocketException e)
        {
            return DoctorFinding.Fail(Name, $"cannot connect to {address.Host}:{address.Port}: {e.Message}",
                "Start the proxy, make it listen on the address and port, and open TCP 443 to it.", "XKS_PROXY_NOT_REACHABLE");
        }

        return DoctorFinding.Pass(Name, $"{address.Host}:{address.Port} accepted a connection");
    }
}
