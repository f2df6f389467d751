using Logistics.Gxp.Assessment;
using NodaTime;

namespace Logistics.Host.Excursions;

/// <summary>An alarm the live processing raised and has not withdrawn.</summary>
public sealed record ActiveAlarm(string AlarmId, string DeviceId, string ZoneId, string Type, string Severity, Instant TriggeredAt, string? LegId, string? Custodian);

/// <summary>
/// A shipment's live excursion state: one <see cref="LiveDeviceState"/> per logger (the tracker's running state), the alarms
/// raised and not withdrawn, the excursions already announced, and the summary's <c>excursionState</c> and <c>verdict</c>.
/// A document written only by the live excursion subscription, in the same transaction as the events it appends; a read
/// model of the committed readings, never a second source of truth (it can always be rebuilt from them).
/// </summary>
public sealed class ShipmentExcursions
{
    /// <summary>The shipment stream key.</summary>
    public string Id { get; set; } = "";
    public string ShipmentId { get; set; } = "";
    /// <summary>The profile the trackers run (canonical JSON): a change rebuilds them.</summary>
    public string ProfileJson { get; set; } = "";
    public Dictionary<string, LiveDeviceState> Devices { get; set; } = new(StringComparer.Ordinal);
    public List<ActiveAlarm> Alarms { get; set; } = [];
    /// <summary>How often each alarm id was raised (a withdrawn alarm raised again gets a new event id).</summary>
    public Dictionary<string, int> Raised { get; set; } = new(StringComparer.Ordinal);
    public HashSet<string> Excursions { get; set; } = new(StringComparer.Ordinal);
    public string ExcursionState { get; set; } = "none";
    public string? Verdict { get; set; }
    public Instant? LastReadingAt { get; set; }
    public Instant UpdatedAt { get; set; }
}
