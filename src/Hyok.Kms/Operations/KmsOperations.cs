using Hyok.Kms.CustomKeyStores;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.Operations;

/// <summary>
/// The operation table: <c>X-Amz-Target: TrentService.NAME</c> → handler. The groups register themselves in the
/// constructor; a new group (e.g. custom key stores) adds a class with a <c>Register(KmsOperations)</c> method and one line here.
/// </summary>
internal sealed class KmsOperations
{
    private readonly Dictionary<string, KmsOperation> _handlers = new(StringComparer.Ordinal);

    public KmsOperations(KmsContext context, ILogger logger)
    {
        new KeyOperations(context).Register(this);
        new KeyStateOperations(context).Register(this);
        new AliasOperations(context).Register(this);
        new CryptoOperations(context).Register(this);
        new DataKeyOperations(context).Register(this);
        new CustomKeyStoreOperations(context, logger).Register(this);
    }

    public IEnumerable<string> Names => _handlers.Keys;

    /// <summary>Adds or replaces the handler of <paramref name="operation"/>.</summary>
    public void Add(string operation, KmsOperation handler) => _handlers[operation] = handler;

    public KmsOperation? Find(string operation) => _handlers.GetValueOrDefault(operation);
}
