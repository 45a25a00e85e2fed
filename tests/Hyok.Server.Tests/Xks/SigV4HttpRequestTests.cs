using Hyok.Server.Xks;
using Microsoft.AspNetCore.Http;

namespace Hyok.Server.Tests.Xks;

/// <summary>How a Kestrel request's headers reach the SigV4 verifier.</summary>
public sealed class SigV4HttpRequestTests
{
    [Fact]
    public void Header_SentThreeTimes_IsTrimmedValuesJoinedByCommaInOrder()
    {
        // AWS SigV4 test suite "get-header-key-duplicate": canonical value "value2,value2,value1".
        var context = new DefaultHttpContext();
        context.Request.Headers.Append("My-Header1", "value2");
        context.Request.Headers.Append("My-Header1", " value2 ");
        context.Request.Headers.Append("My-Header1", "value1");

        var request = SigV4HttpRequest.From(context, []);

        Assert.Equal("value2,value2,value1", request.Header("my-header1"));
    }

    [Fact]
    public void Header_SentOnce_IsTheValueAsSentAndAbsentIsNull()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Amz-Date"] = "20221108T000000Z";

        var request = SigV4HttpRequest.From(context, []);

        Assert.Equal(("20221108T000000Z", null), (request.Header("x-amz-date"), request.Header("x-missing")));
    }
}
