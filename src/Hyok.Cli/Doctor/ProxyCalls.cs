using System.Net.Sockets;
using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Cli.Doctor;

/// <summary>
/// Signed calls to the target exactly as the KMS emulator makes them (<see cref="XksProxyCaller"/>: SigV4, requestMetadata,
/// TLS 1.2/1.3, the endpoint's name checked against system roots and <c>--ca-file</c>), sent to <c>--connect</c> when given,
/// with the per-call deadline <see cref="DoctorTarget.Timeout"/> and the server's Date header watched.
/// </summary>
internal sealed class ProxyCalls : IDisposable
{
    private ProxyCalls(DoctorTarget target, TimeProvider time)
    {
        var endpoint = target.EndpointUri!;
        var settings = new XksProxySettings(endpoint.GetLeftPart(UriPartial.Authority), target.UriPath, target.AccessKeyId, target.Secret, target.Region, target.CaFile);
        Caller = new XksProxyCaller(settings, time, target.Timeout, handler =>
        {
            handler.ConnectTimeout = target.Timeout;
            var address = target.Address;
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address.Host, address.Port, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            Dates = new ServerDateWatcher(handler, time);
            return Dates;
        });
    }

    public XksProxyCaller Caller { get; }

    public ServerDateWatcher Dates { get; private set; } = null!;

    public static ProxyCalls Open(DoctorTarget target, TimeProvider time) => new(target, time);

    public void Dispose() => Caller.Dispose();
}
