using Logistics.Canonical.Events;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using GxpReading = Logistics.Gxp.Assessment.Reading;

namespace Logistics.Host.Shipments;

/// <summary>
/// The GxP assessment of a shipment from its stored record: the existing engine (<see cref="GxpAssessor"/>) over the
/// temperature readings of its devices inside their windows (<see cref="ShipmentReadings"/>), judged by its profile.
/// Pure over what is stored; the summary's excursion state and verdict come from here, and reports build on it.
/// </summary>
public sealed class ShipmentAssessments(ShipmentReadings readings)
{
    /// <summary>The assessment, or null while the shipment has no temperature reading inside a device window.</summary>
    public async Task<ShipmentAssessment?> AssessAsync(string tenantId, ShipmentRecord shipment, CancellationToken ct)
    {
        var temperatures = await readings.ReadAsync(tenantId, shipment.ShipmentId, null, null, MeasurementTypes.Temperature, ct);
        if (temperatures.Count == 0) return null;
        return GxpAssessor.Assess(temperatures.Select(r => new GxpReading(r.Device!, r.OccurredAt, r.Value)), Profile(shipment.Profile), Info(shipment));
    }

    /// <summary>The profile a registration names: a ready-made id, or the inline profile (validated at registration).</summary>
    public static TemperatureProfile Profile(ProfileSpec spec) =>
        spec.Id is { } id ? StandardProfiles.Get(id) : ProfileParser.Parse(spec.Json ?? throw new InvalidOperationException("profile without id or JSON"));

    static ShipmentInfo Info(ShipmentRecord s) =>
        new(Reference: s.Reference, Consignee: s.Consignee, Product: s.Product?.Name, Lot: s.Product?.Lot);

    /// <summary><c>none | excursion | alarm</c>: an alarm-severity rule fired; otherwise any excursion; otherwise none.</summary>
    public static string ExcursionState(ShipmentAssessment? a) =>
        a is null ? "none"
        : a.Alarms.Any(x => x.Severity == Severity.Alarm) ? "alarm"
        : a.Excursions.Count > 0 || a.Alarms.Count > 0 ? "excursion"
        : "none";
}
