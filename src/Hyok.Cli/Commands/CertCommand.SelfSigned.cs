using System.CommandLine;
using Hyok.Cli.Certificates;
using Hyok.Server.Tls;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok cert self-signed</c>: a development certificate that the KMS emulator and <c>--cacert</c> trust, and KMS does not.</summary>
internal static partial class CertCommand
{
    private static Command SelfSigned()
    {
        var options = new CertificateOptions();
        var (outCert, outKey) = (new Option<string?>("--out-cert") { Description = "Certificate file (PEM). Default: NAME.crt." },
            new Option<string?>("--out-key") { Description = "Private key file (PEM PKCS#8, mode 0600). Default: NAME.key." });
        var days = new Option<int>("--days") { Description = "Validity in days, 1-3650 (default 730).", DefaultValueFactory = _ => SelfSignedCertificate.DefaultDays };
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3650)
            {
                r.AddError($"--days must be 1-3650, not {r.GetValueOrDefault<int>()}.");
            }
        });
        var command = CommonOptions.CommandWith("self-signed", "Make a self-signed certificate and key for development (KMS will not accept it).", [.. options.All, days, outCert, outKey]);
        command.SetAction(result => RunWithUsage(() =>
        {
            var names = options.Names(result, requireDomain: false);
            var keySpec = options.KeySpec(result);
            var (certFile, keyFile) = (OutputFiles.PathOr(result.GetValue(outCert), names[0], "crt"), OutputFiles.PathOr(result.GetValue(outKey), names[0], "key"));
            return () =>
            {
                OutputFiles.Prepare(result.GetValue(options.Force), certFile, keyFile);
                SelfSignedCertificate.WritePemFiles(certFile, keyFile, TimeProvider.System, keySpec, result.GetValue(days), names);
                Console.WriteLine($"Certificate ({keySpec}, {result.GetValue(days)} days; DNS {string.Join(", ", names)} and IP 127.0.0.1): {certFile}");
                Console.WriteLine($"Private key (PKCS#8, mode 0600): {keyFile}");
                Console.Error.WriteLine("warning: self-signed: AWS KMS will not accept it (it requires a certificate from a public CA, xks-spec.md §8). "
                    + "The KMS emulator (Hyok:Kms:XksCaBundleFile) and `hyok bench`/`hyok test --cacert` will.");
                return 0;
            };
        }));
        return command;
    }
}
