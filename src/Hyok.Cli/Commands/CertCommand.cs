using System.CommandLine;
using Hyok.Cli.Certificates;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok cert csr|self-signed</c>: a key and CSR for a public CA, or a development certificate (xks-spec.md §8).</summary>
internal static partial class CertCommand
{
    public static Command Build()
    {
        var cert = new Command("cert", "Make the proxy's TLS key: a CSR for a public CA (KMS requires one), or a self-signed certificate for development.");
        cert.Subcommands.Add(Csr());
        cert.Subcommands.Add(SelfSigned());
        return cert;
    }

    private static Command Csr()
    {
        var options = new CertificateOptions();
        var (outKey, outCsr) = (new Option<string?>("--out-key") { Description = "Private key file (PEM PKCS#8, mode 0600). Default: NAME.key." },
            new Option<string?>("--out-csr") { Description = "CSR file (PEM PKCS#10). Default: NAME.csr." });
        var subject = new Option<string?>("--subject") { Description = "Subject, e.g. \"CN=xks.example.com, O=Example\". Default: CN=first --dns." };
        var command = CommonOptions.CommandWith("csr", "Make a new private key and a certificate signing request for a public CA.", [.. options.All, outKey, outCsr, subject]);
        command.SetAction(result => RunWithUsage(() =>
        {
            var names = options.Names(result, requireDomain: true);
            var (keySpec, subjectName) = (options.KeySpec(result), SigningRequest.Subject(result.GetValue(subject), names[0]));
            var (keyFile, csrFile) = (OutputFiles.PathOr(result.GetValue(outKey), names[0], "key"), OutputFiles.PathOr(result.GetValue(outCsr), names[0], "csr"));
            return () =>
            {
                OutputFiles.Prepare(result.GetValue(options.Force), keyFile, csrFile);
                using var key = keySpec.CreateKey();
                var csr = SigningRequest.CreatePem(subjectName, names, keySpec, key);
                StorageFiles.WritePrivateText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
                File.WriteAllText(csrFile, csr);
                Console.WriteLine($"Private key ({keySpec}, PKCS#8, mode 0600): {keyFile}");
                Console.WriteLine($"Signing request ({subjectName.Name}; DNS {string.Join(", ", names)}): {csrFile}");
                Console.WriteLine("Next: submit the CSR to a public CA (KMS accepts no private CA or self-signed certificate), then set");
                Console.WriteLine($"  Hyok:Server:CertificateFile    = the issued certificate followed by its intermediates (the full chain)");
                Console.WriteLine($"  Hyok:Server:CertificateKeyFile = {keyFile}");
                Console.WriteLine("and run `hyok config check`. Keep the key file private; Hyok never prints it.");
                return 0;
            };
        }));
        return command;
    }

    /// <summary>
    /// Reads the arguments with <paramref name="prepare"/>, whose <see cref="CliException"/> is a usage error (exit 2, one
    /// line); then runs what it returns, whose failures are user errors (exit 1).
    /// </summary>
    private static Task<int> RunWithUsage(Func<Func<int>> prepare)
    {
        Func<int> run;
        try
        {
            run = prepare();
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"hyok: {e.Message}");
            return Task.FromResult(Program.UsageError);
        }

        return CliAction.Run(run);
    }
}
