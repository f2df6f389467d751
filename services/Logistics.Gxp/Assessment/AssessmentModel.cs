using Logistics.Gxp.Profiles;
using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>Outcome of an assessment, ordered from best to worst (the worst logger drives the shipment).</summary>
public enum Verdict
{
    /// <summary>No alarm, no gap.</summary>
    Pass,
    /// <summary>No alarm, but the record has gaps (or nothing to assess): it cannot prove the product stayed in range.</summary>
    Incomplete,
    /// <summary>At least one alarm of severity <c>alarm</c>; dominates <see cref="Incomplete"/>.</summary>
    Alarm,
}

/// <summary>The assessment of a whole shipment: every logger, and the verdict of the worst.</summary>
public sealed record ShipmentAssessment(
    TemperatureProfile Profile,
    ShipmentInfo? Shipment,
    Verdict Verdict,
    IReadOnlyList<LoggerAssessment> Loggers,
    IReadOnlyList<Excursion> Excursions,
    IReadOnlyList<Alarm> Alarms,
    IReadOnlyList<Gap> Gaps,
    IReadOnlyList<BudgetUse> StabilityBudget,
    string SeriesSha256);

/// <summary>Statistics of one logger over its assessed period (see the conventions), and its own verdict.</summary>
public sealed record LoggerAssessment(
    string DeviceId,
    Verdict Verdict,
    int ReadingCount,
    int DuplicateCount,
    int ExpectedCount,
    double CompletenessPercent,
    Instant FirstReading,
    Instant LastReading,
    Instant? AssessedFrom,
    Instant? AssessedTo,
    double? MinCelsius,
    Instant? MinAt,
    double? MaxCelsius,
    Instant? MaxAt,
    double? MeanCelsius,
    double? MktCelsius,
    string? MktNote,
    MktWindowResult? MktWindowMax,
    double AssessedMinutes,
    double GapMinutes,
    int GapCount,
    IReadOnlyList<ZoneTime> Zones,
    LoggerSeries Series);

/// <summary>The highest MKT over rolling windows of the profile's window length, and the end of the first window above the maximum.</summary>
public sealed record MktWindowResult(double WindowHours, double MktCelsius, Instant WindowStart, Instant WindowEnd, Instant? FirstExceededAt);

/// <summary>Out-of-range time of one zone for one logger.</summary>
public sealed record ZoneTime(string ZoneId, ZoneDirection Direction, double LimitCelsius, double MinutesOutOfRange, int ExcursionCount);

/// <summary>A maximal run of out-of-range readings of one zone (GXP.md conventions).</summary>
public sealed record Excursion(
    string DeviceId,
    string ZoneId,
    ZoneDirection Direction,
    double LimitCelsius,
    Instant Start,
    Instant End,
    double DurationMinutes,
    double PeakCelsius,
    Instant PeakAt,
    double DegreeMinutes,
    int ReadingCount,
    string EndReason,
    bool ExceedsDelay,
    string? LegId,
    string? Custodian);

/// <summary>A triggered rule: a zone delay, the MKT maximum or a stability budget.</summary>
public sealed record Alarm(
    string DeviceId,
    string ZoneId,
    string Type,
    Severity Severity,
    double ThresholdMinutes,
    Instant TriggeredAt,
    int Occurrences,
    string Detail,
    string? LegId,
    string? Custodian);

/// <summary>Unknown time: neither in nor out of range (sample-and-hold gap rule).</summary>
public sealed record Gap(string DeviceId, Instant Start, Instant End, double DurationMinutes);

/// <summary>Stability budget of one band across the shipment (worst logger) and the lot's earlier consumption.</summary>
public sealed record BudgetUse(
    string BandId,
    double AllowedMinutes,
    double PriorMinutes,
    double ConsumedMinutes,
    double RemainingMinutes,
    bool Exceeded,
    string? WorstDeviceId,
    IReadOnlyList<LegMinutes> ByLeg);

/// <summary>Minutes attributed to one leg (null id: before the first leg).</summary>
public sealed record LegMinutes(string? LegId, string? Custodian, double Minutes);
