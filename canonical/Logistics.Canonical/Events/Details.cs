namespace Logistics.Canonical.Events;

/// <summary>What the event came from: the adapter, the carrier when known, the raw message's hash and the source's own code.</summary>
public sealed record EventSource(string Adapter, string? Carrier, string RawSha256, string? SourceCode)
{
    /// <summary>The source's own id for the event, when it has one (DCSA eventID, EPCIS eventID).</summary>
    public string? SourceEventId { get; init; }
}

/// <summary>A place: any field may be null.</summary>
public sealed record Location(string? Unlocode, string? Name, double? Lat, double? Lon)
{
    public static readonly Location Unknown = new(null, null, null, null);
}

/// <summary>A milestone: a code of the vocabulary, and whether it happened, is estimated or planned.</summary>
public sealed record MilestoneDetail(string Code, TimeClassifier Classifier);

/// <summary>
/// One reading. <see cref="Value"/> is in the canonical unit (Celsius for temperature);
/// <see cref="OriginalValue"/>/<see cref="OriginalUnit"/> keep what the source said.
/// </summary>
public sealed record MeasurementDetail(string Type, double Value, string Unit, double OriginalValue, string OriginalUnit, string? Sensor)
{
    /// <summary>Minimum over the reporting period, canonical unit, when the source reports a summary (EPCIS minValue).</summary>
    public double? MinValue { get; init; }
    /// <summary>Maximum over the reporting period, canonical unit (EPCIS maxValue).</summary>
    public double? MaxValue { get; init; }
}

/// <summary>A WGS84 position fix.</summary>
public sealed record PositionDetail(double Lat, double Lon, double? AccuracyM, string Method)
{
    public double? SpeedKmh { get; init; }
    public double? HeadingDeg { get; init; }
    public double? AltitudeM { get; init; }
}

/// <summary>A parent/child association (a logger put into a container, a pallet onto a ULD); ADD or DELETE.</summary>
public sealed record AssociationDetail(string Action, Reference Parent, Reference Child);

/// <summary>An alarm the device or carrier raised itself (a logger's threshold alarm, a reefer alarm).</summary>
public sealed record AlarmDetail(string Type, string? Sensor, double? Value, string? Unit, string? Description);

/// <summary>The source withdrew an event it sent before (DCSA retracted events); nothing is deleted, the retraction is recorded.</summary>
public sealed record RetractionDetail(string RetractedSourceEventId, string? Reason);
