namespace Hyok.Server.Configuration;

/// <summary>HTTP/2 limits (<c>Hyok:Server:Connections:Http2</c>, docs/security.md "Limits").</summary>
public sealed class Http2LimitsOptions
{
    /// <summary>Most concurrent streams (requests) per connection (SETTINGS_MAX_CONCURRENT_STREAMS); more are refused with REFUSED_STREAM.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>HPACK dynamic table size (SETTINGS_HEADER_TABLE_SIZE).</summary>
    public int HeaderTableSize { get; set; } = 4096;

    /// <summary>Largest frame payload the client may send (SETTINGS_MAX_FRAME_SIZE).</summary>
    public int MaxFrameSize { get; set; } = 16384;

    /// <summary>Request body bytes a client may send on one connection before Hyok reads them (flow control).</summary>
    public int InitialConnectionWindowSize { get; set; } = 512 * 1024;

    /// <summary>Request body bytes a client may send on one stream before Hyok reads them (SETTINGS_INITIAL_WINDOW_SIZE).</summary>
    public int InitialStreamWindowSize { get; set; } = 96 * 1024;
}
