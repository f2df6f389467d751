using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using NodaTime;

namespace Logistics.Gxp.Tests;

/// <summary>Small builders: a series at a fixed interval, a profile with the zones a test needs.</summary>
internal static class TestData
{
    public static readonly Instant Start = Instant.FromUtc(2025, 3, 1, 6, 0);

    public static Instant At(double minutes) => Start + Duration.FromSeconds(minutes * 60);

    /// <summary>Readings every <paramref name="intervalMinutes"/> from <see cref="Start"/>.</summary>
    public static List<Reading> Series(string device, double intervalMinutes, params double[] values) =>
        values.Select((v, i) => new Reading(device, At(i * intervalMinutes), v)).ToList();

    public static TemperatureProfile Profile(double interval = 10, double ignoreStart = 0, double ignoreEnd = 0, MktRule? mkt = null,
        StabilityBudget? budget = null, params ExcursionZone[] zones) =>
        new("test", "t1", interval, ignoreStart, ignoreEnd, zones.Length == 0 ? [Above("H1", 8, 30)] : zones, mkt, budget);

    public static ExcursionZone Above(string id, double limit, double delay, ZoneMode mode = ZoneMode.Single, Severity severity = Severity.Alarm) =>
        new(id, ZoneDirection.Above, limit, mode, delay, severity);

    public static ExcursionZone Below(string id, double limit, double delay, ZoneMode mode = ZoneMode.Single) =>
        new(id, ZoneDirection.Below, limit, mode, delay, Severity.Alarm);

    public static ShipmentAssessment Assess(IEnumerable<Reading> readings, TemperatureProfile profile, ShipmentInfo? shipment = null) =>
        GxpAssessor.Assess(readings, profile, shipment);
}
