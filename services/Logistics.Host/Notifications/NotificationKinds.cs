using Logistics.Canonical.Events;
using Logistics.Contracts.Notifications;

namespace Logistics.Host.Notifications;

/// <summary>
/// The notification records (contracts/Logistics.Contracts/Notifications) and their webhook event names (API.md); and the
/// deterministic ids they carry, so a recomputation yields the same id and receivers dedupe on <c>webhook-id</c>.
/// </summary>
public static class NotificationKinds
{
    public static readonly IReadOnlyDictionary<Type, string> EventNames = new Dictionary<Type, string>
    {
        [typeof(MilestoneRecorded)] = "milestone",
        [typeof(ExcursionStarted)] = "excursion",
        [typeof(AlarmRaised)] = "alarm",
        [typeof(ReportVersionCreated)] = "report.version",
        [typeof(GeofenceCrossed)] = "geofence",
        [typeof(EtaChanged)] = "eta.changed",
    };

    public static IReadOnlyCollection<string> All => [.. EventNames.Values];

    public static Type? TypeOf(string typeName) => EventNames.Keys.FirstOrDefault(t => t.Name == typeName);

    /// <summary>A name-based UUID over the facts a notification reports.</summary>
    public static string Id(params string[] parts) => EventIds.DeriveGuid("notification|" + string.Join('|', parts)).ToString();
}
