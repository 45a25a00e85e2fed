using System.Text.Json.Nodes;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>EnableKey, DisableKey, ScheduleKeyDeletion (7-30 days, default 30), CancelKeyDeletion (the key comes back Disabled).</summary>
internal sealed class KeyStateOperations(KmsContext context)
{
    public void Register(KmsOperations operations)
    {
        operations.Add("EnableKey", call => ValueTask.FromResult(SetEnabled(call.Request, KmsKeyState.Enabled)));
        operations.Add("DisableKey", call => ValueTask.FromResult(SetEnabled(call.Request, KmsKeyState.Disabled)));
        operations.Add("ScheduleKeyDeletion", call => ValueTask.FromResult(ScheduleKeyDeletion(call.Request)));
        operations.Add("CancelKeyDeletion", call => ValueTask.FromResult(CancelKeyDeletion(call.Request)));
    }

    private JsonObject SetEnabled(KmsRequest request, KmsKeyState state)
    {
        var key = context.ResolveKey(request.RequiredString("KeyId"));
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw new KmsException(KmsErrors.PendingDeletion(key.Arn));
        }

        context.Database.UpdateKeyState(key.Id, state, null);
        return [];
    }

    private JsonObject ScheduleKeyDeletion(KmsRequest request)
    {
        var key = context.ResolveKey(request.RequiredString("KeyId"));
        int days = request.Int("PendingWindowInDays", 7, 30) ?? 30;
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw new KmsException(KmsErrors.PendingDeletion(key.Arn));
        }

        var deletionDate = context.Time.GetUtcNow().AddDays(days);
        context.Database.UpdateKeyState(key.Id, KmsKeyState.PendingDeletion, deletionDate);
        return new JsonObject
        {
            ["KeyId"] = key.Arn,
            ["DeletionDate"] = KmsJson.Timestamp(deletionDate),
            ["KeyState"] = nameof(KmsKeyState.PendingDeletion),
            ["PendingWindowInDays"] = days,
        };
    }

    private JsonObject CancelKeyDeletion(KmsRequest request)
    {
        var key = context.ResolveKey(request.RequiredString("KeyId"));
        if (key.State != KmsKeyState.PendingDeletion)
        {
            throw new KmsException(KmsErrors.InvalidState($"{key.Arn} is not pending deletion."));
        }

        context.Database.UpdateKeyState(key.Id, KmsKeyState.Disabled, null);
        return new JsonObject { ["KeyId"] = key.Arn };
    }
}
