using Hyok.Protocol;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11;

public sealed class CkrErrorMappingTests
{
    [Theory]
    [InlineData(CKR.CKR_ENCRYPTED_DATA_INVALID, XksErrorCode.InvalidCiphertextException, false)]
    [InlineData(CKR.CKR_ENCRYPTED_DATA_LEN_RANGE, XksErrorCode.InvalidCiphertextException, false)]
    [InlineData(CKR.CKR_KEY_FUNCTION_NOT_PERMITTED, XksErrorCode.InvalidKeyUsageException, false)]
    [InlineData(CKR.CKR_DEVICE_REMOVED, XksErrorCode.InternalException, true)]
    [InlineData(CKR.CKR_DEVICE_ERROR, XksErrorCode.InternalException, true)]
    [InlineData(CKR.CKR_TOKEN_NOT_PRESENT, XksErrorCode.InternalException, true)]
    [InlineData(CKR.CKR_SESSION_HANDLE_INVALID, XksErrorCode.InternalException, true)]
    [InlineData(CKR.CKR_CRYPTOKI_NOT_INITIALIZED, XksErrorCode.InternalException, true)]
    [InlineData(CKR.CKR_FUNCTION_FAILED, XksErrorCode.InternalException, false)]
    [InlineData(CKR.CKR_FUNCTION_CANCELED, XksErrorCode.DependencyTimeoutException, false)]
    [InlineData(CKR.CKR_OBJECT_HANDLE_INVALID, XksErrorCode.InternalException, false)]
    public void Table(CKR rv, XksErrorCode code, bool lost)
    {
        Assert.Equal(code, CkrErrorMapping.ToXksErrorCode(rv));
        Assert.Equal(lost, CkrErrorMapping.IsConnectionLost(rv));
        Assert.True(!lost || CkrErrorMapping.IsSessionBroken(rv));
    }

    [Fact]
    public void HandleInvalid_OnlyHandleErrors()
    {
        Assert.True(CkrErrorMapping.IsHandleInvalid(CKR.CKR_OBJECT_HANDLE_INVALID));
        Assert.True(CkrErrorMapping.IsHandleInvalid(CKR.CKR_KEY_HANDLE_INVALID));
        Assert.False(CkrErrorMapping.IsHandleInvalid(CKR.CKR_SESSION_HANDLE_INVALID));
    }

    [Fact]
    public void NameOf_KnownAndVendorDefined()
    {
        Assert.Equal("CKR_PIN_INCORRECT", CkrErrorMapping.NameOf(CKR.CKR_PIN_INCORRECT));
        Assert.Equal("0x80000001", CkrErrorMapping.NameOf((CKR)0x80000001UL));
    }
}
