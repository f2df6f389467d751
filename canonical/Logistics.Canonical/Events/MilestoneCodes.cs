namespace Logistics.Canonical.Events;

/// <summary>The milestone vocabulary of CANONICAL.md. Codes are strings on the wire and in status maps.</summary>
public static class MilestoneCodes
{
    public const string Booked = "BOOKED";
    public const string GateIn = "GATE_IN";
    public const string PickedUp = "PICKED_UP";
    public const string Loaded = "LOADED";
    public const string Departed = "DEPARTED";
    public const string InTransit = "IN_TRANSIT";
    public const string Arrived = "ARRIVED";
    public const string Unloaded = "UNLOADED";
    public const string CustomsHold = "CUSTOMS_HOLD";
    public const string CustomsReleased = "CUSTOMS_RELEASED";
    public const string AvailableForDelivery = "AVAILABLE_FOR_DELIVERY";
    public const string OutForDelivery = "OUT_FOR_DELIVERY";
    public const string GateOut = "GATE_OUT";
    public const string Delivered = "DELIVERED";
    public const string Exception = "EXCEPTION";
    public const string DoorOpened = "DOOR_OPENED";
    public const string DoorClosed = "DOOR_CLOSED";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Booked, GateIn, PickedUp, Loaded, Departed, InTransit, Arrived, Unloaded, CustomsHold, CustomsReleased,
        AvailableForDelivery, OutForDelivery, GateOut, Delivered, Exception, DoorOpened, DoorClosed,
    };

    public static bool IsKnown(string code) => All.Contains(code);
}

/// <summary>Measurement types of CANONICAL.md.</summary>
public static class MeasurementTypes
{
    public const string Temperature = "temperature";
    public const string Humidity = "humidity";
    public const string Battery = "battery";
    public const string Shock = "shock";
    public const string Light = "light";
    public const string Pressure = "pressure";
    public const string Co2 = "co2";
    public const string O2 = "o2";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Temperature, Humidity, Battery, Shock, Light, Pressure, Co2, O2,
    };
}

/// <summary>How a position was obtained.</summary>
public static class PositionMethods
{
    public const string Gnss = "gnss";
    public const string Cell = "cell";
    public const string Wifi = "wifi";
    public const string Satellite = "satellite";
    public const string Carrier = "carrier";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Gnss, Cell, Wifi, Satellite, Carrier };
}

/// <summary>Flags an adapter or the time resolver sets on an event instead of silently changing it.</summary>
public static class EventFlags
{
    /// <summary>The device clock gave a time before 2000-01-01.</summary>
    public const string ClockBefore2000 = "clock-before-2000";
    /// <summary>The device time is more than 25 h after the time we received the message.</summary>
    public const string ClockInFuture = "clock-in-future";
    /// <summary>The device time looks like a GPS week-number rollover (a multiple of 1024 weeks early).</summary>
    public const string GpsWeekRollover = "gps-week-rollover";
    /// <summary>The source flagged the reading itself as invalid (e.g. no GNSS fix).</summary>
    public const string SourceInvalid = "source-invalid";
    /// <summary>The source gave a date without a time: occurredAt is local midnight of that date at the event's place.</summary>
    public const string DateOnly = "date-only";
    /// <summary>
    /// The source gave no time for this event: occurredAt is when the message was sent (a Type-B origin time) or,
    /// failing that, when it was received — an upper bound, not the moment itself.
    /// </summary>
    public const string TimeOfMessage = "time-of-message";
}
