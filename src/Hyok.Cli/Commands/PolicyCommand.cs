using System.CommandLine;
using Hyok.Authorization;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok policy check|explain</c>: validate a secondary-authorization policy and see how it decides (docs/policy.md); with
/// PostgreSQL storage also push|versions|show|activate|remove (<see cref="PolicyStoreCommands"/>).
/// </summary>
internal static class PolicyCommand
{
    /// <summary>Exit code of <c>explain</c> when the policy denies the sample request (also in dry-run mode).</summary>
    public const int Denied = 3;

    public static Command Build()
    {
        var policy = new Command("policy", "Validate secondary-authorization policies and explain their decisions.");
        policy.Subcommands.Add(Check());
        policy.Subcommands.Add(Explain());
        foreach (var command in PolicyStoreCommands.All())
        {
            policy.Subcommands.Add(command);
        }

        return policy;
    }

    private static Argument<string> FileArgument() => new("file") { Description = "The policy file (JSON)." };

    private static Command Check()
    {
        var file = FileArgument();
        var command = new Command("check", "Validate a policy file and report every problem at once (exit 0 valid, 1 invalid).") { file };
        command.SetAction(result => CliAction.Run(() =>
        {
            if (!TryLoad(result.GetValue(file)!, out var path, out var parse))
            {
                return 1;
            }

            foreach (var warning in parse.Warnings)
            {
                Console.Error.WriteLine($"{path}: warning: {warning}");
            }

            var rules = parse.Policy!.Rules.Count;
            Console.WriteLine($"valid: {rules} rule{(rules == 1 ? "" : "s")}, mode {ModeName(parse.Policy.Mode)}");
            return 0;
        }));
        return command;
    }

    private static Command Explain()
    {
        var (file, request) = (FileArgument(), new PolicyRequestOptions());
        var json = new Option<bool>("--json") { Description = "Print the decision and the trace as JSON." };
        var command = new Command("explain", $"Show which rule decides a sample request and how every rule fared (exit 0 allowed, {Denied} denied, 1 invalid file).") { file, json };
        foreach (var option in request.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CliAction.Run(() =>
        {
            if (!TryLoad(result.GetValue(file)!, out _, out var parse))
            {
                return 1;
            }

            var facts = request.Facts(result);
            var explanation = parse.Policy!.Explain(facts);
            Console.Write(result.GetValue(json)
                ? PolicyExplainJson.Render(parse.Policy, facts, explanation)
                : PolicyExplainText.Render(parse.Policy, facts, explanation));
            return explanation.Decision.Effect == PolicyEffect.Allow ? 0 : Denied;
        }));
        return command;
    }

    /// <summary>Loads the file; on failure prints every problem to stderr, one per line.</summary>
    private static bool TryLoad(string file, out string path, out PolicyParse parse)
    {
        path = Path.GetFullPath(file);
        parse = PolicyFile.Load(path);
        if (parse.IsValid)
        {
            return true;
        }

        Console.Error.WriteLine($"{path}: {parse.Errors.Count} problem(s):");
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"  - {error}");
        }

        return false;
    }

    public static string ModeName(PolicyMode mode) => mode == PolicyMode.DryRun ? "dry-run" : "enforce";

    public static string EffectName(PolicyEffect effect) => effect == PolicyEffect.Allow ? "allow" : "deny";
}
