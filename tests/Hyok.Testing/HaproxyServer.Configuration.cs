using System.Globalization;
using System.Text;

namespace Hyok.Testing;

/// <summary>The test configuration: deploy/haproxy/haproxy.cfg's choices, with short check intervals so tests are quick.</summary>
public sealed partial class HaproxyServer
{
    public const string BackendName = "hyok";

    /// <summary>The name of the instance at <see cref="BackendPorts"/>[<paramref name="index"/>] in HAProxy's stats and log.</summary>
    public static string ServerName(int index) => "hyok" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Configuration(string root, int port, IReadOnlyList<int> backendPorts, string pingPath)
    {
        var text = new StringBuilder($"""
            global
                stats socket {root}/stats.sock mode 600 level admin
                log stderr format short local0 notice

            defaults
                mode tcp
                log global
                timeout connect 1s
                timeout client 30s
                timeout server 30s
                # Without it a check must finish within "inter" (200 ms): too short for a TLS handshake on a busy test machine.
                timeout check 2s
                # A refused connection (an instance that just died, not yet DOWN) is retried on another instance at once.
                retries 2
                option redispatch 1

            frontend xks
                bind 127.0.0.1:{port}
                default_backend {BackendName}

            backend {BackendName}
                balance roundrobin
                option httpchk
                http-check send meth GET uri {pingPath} ver HTTP/1.1 hdr Host localhost
                http-check expect status 200
                default-server check check-ssl verify none inter 200ms fall 2 rise 2

            """);
        for (int i = 0; i < backendPorts.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    server {ServerName(i)} 127.0.0.1:{backendPorts[i]}\n");
        }

        return text.ToString();
    }
}
