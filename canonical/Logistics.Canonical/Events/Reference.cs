namespace Logistics.Canonical.Events;

/// <summary>An identifier an event is about, e.g. <c>container:MSKU1234565</c>.</summary>
public readonly record struct Reference(string Scheme, string Value)
{
    public override string ToString() => $"{Scheme}:{Value}";

    public static Reference Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
            throw new FormatException($"reference '{text}' is not 'scheme:value'");
        return new Reference(text[..colon], text[(colon + 1)..]);
    }
}

/// <summary>The reference schemes of CANONICAL.md. Add schemes freely; never rename one.</summary>
public static class RefSchemes
{
    public const string Shipment = "shipment";
    public const string Bol = "bol";
    public const string Booking = "booking";
    public const string Awb = "awb";
    public const string Container = "container";
    public const string Tracking = "tracking";
    public const string Sscc = "sscc";
    public const string Pro = "pro";
    public const string DevEui = "devEui";
    public const string Imei = "imei";
    public const string DeviceId = "deviceId";
    /// <summary>A Globalstar simplex transmitter's electronic serial number as the network writes it (<c>0-2682225</c>).</summary>
    public const string Esn = "esn";
    public const string Uld = "uld";
    public const string Vessel = "vessel";
    /// <summary>The source's own event id, for events (retractions) that name no business reference.</summary>
    public const string SourceEvent = "sourceEvent";
    /// <summary>A GS1 EPC URI with no scheme of its own here (SGTIN, GRAI, GIAI…); the value is the URI.</summary>
    public const string Epc = "epc";
    /// <summary>An IATA ONE Record logistics object (Shipment, Piece, ULD, Sensor…) named by its URI; the value is the URI.</summary>
    public const string LogisticsObject = "logisticsObject";
    /// <summary>
    /// A place the event is about, when no object is (a warehouse or cold room a sensor monitors): a GLN
    /// (13 digits, <c>.extension</c> when it has one), or the place's identifier as the source wrote it.
    /// </summary>
    public const string Location = "location";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Shipment, Bol, Booking, Awb, Container, Tracking, Sscc, Pro, DevEui, Imei, DeviceId, Esn, Uld, Vessel, SourceEvent, Epc, LogisticsObject, Location,
    };

    /// <summary>Schemes that name a device (logger, tracker, reefer unit): its readings go to a device stream.</summary>
    public static readonly IReadOnlySet<string> Device = new HashSet<string>(StringComparer.Ordinal) { DevEui, Imei, DeviceId, Esn };
}
