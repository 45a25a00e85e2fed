using System.CommandLine;
using Hyok.Authorization;
using Hyok.Protocol;

namespace Hyok.Cli.Commands;

/// <summary>The sample request of <c>hyok policy explain</c>: one option per field a policy can match on.</summary>
internal sealed class PolicyRequestOptions
{
    public Option<string> Operation { get; } = OperationOption();

    public Option<string?> KeyId { get; } = new("--key-id") { Description = "externalKeyId: the external key id." };

    public Option<string?> Principal { get; } = new("--principal") { Description = "awsPrincipalArn: the ARN of the principal that called KMS." };

    public Option<string?> KmsOperation { get; } = new("--kms-operation") { Description = "kmsOperation: the KMS API, e.g. GenerateDataKey or ReEncrypt." };

    public Option<string?> KeyArn { get; } = new("--key-arn") { Description = "kmsKeyArn: the ARN of the KMS key." };

    public Option<string?> ViaService { get; } = new("--via-service") { Description = "kmsViaService: the AWS service that called KMS, e.g. ebs." };

    public Option<string?> Vpc { get; } = new("--vpc") { Description = "awsSourceVpc: the VPC the call came from (through a VPC endpoint)." };

    public Option<string?> Vpce { get; } = new("--vpce") { Description = "awsSourceVpce: the VPC endpoint id." };

    public IEnumerable<Option> All => [Operation, KeyId, Principal, KmsOperation, KeyArn, ViaService, Vpc, Vpce];

    /// <summary>The request; options not given are absent fields (null), as when KMS does not send them.</summary>
    public RequestFacts Facts(ParseResult result) => new(
        "explain",
        Enum.Parse<XksOperationKind>(result.GetValue(Operation)!),
        result.GetValue(KeyId),
        new RequestMetadata
        {
            AwsPrincipalArn = result.GetValue(Principal),
            KmsOperation = result.GetValue(KmsOperation),
            KmsKeyArn = result.GetValue(KeyArn),
            KmsViaService = result.GetValue(ViaService),
            AwsSourceVpc = result.GetValue(Vpc),
            AwsSourceVpce = result.GetValue(Vpce),
        });

    private static Option<string> OperationOption()
    {
        var option = new Option<string>("--operation") { Description = "xksOperation: the XKS operation.", Required = true };
        option.AcceptOnlyFromAmong([.. PolicyFields.XksOperations]);
        return option;
    }
}
