using Microsoft.Extensions.Logging;

namespace Hyok.Authorization;

/// <summary>
/// Policy loading and reloading (EventIds 4000-4099). Logs key store names, paths, rule counts and the
/// problems found in a file; policy files hold no secrets.
/// </summary>
internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information,
        Message = "Policy of key store {KeyStore} in force from {Path}: {RuleCount} rule(s), mode {Mode}")]
    public static partial void Loaded(ILogger logger, string keyStore, string path, int ruleCount, PolicyMode mode);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error,
        Message = "Policy file {Path} of key store {KeyStore} is invalid; the previous policy stays in force. Problems: {Problems}")]
    public static partial void Rejected(ILogger logger, string keyStore, string path, string problems);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error,
        Message = "Policy file {Path} of key store {KeyStore} cannot be used ({Reason}); the previous policy stays in force")]
    public static partial void Unreadable(ILogger logger, string keyStore, string path, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Policy file {Path} of key store {KeyStore}: {Warning}")]
    public static partial void Warning(ILogger logger, string keyStore, string path, string warning);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error,
        Message = "Checking the policy file {Path} of key store {KeyStore} failed; the previous policy stays in force")]
    public static partial void PollFailed(ILogger logger, string keyStore, string path, Exception exception);
}
