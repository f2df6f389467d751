using System.Globalization;

namespace Logistics.FaultHarness;

/// <summary>One SIGKILL: what, when (seconds into the run), how long the dependency was down, and the time to drain —
/// from its restart until the events stored reached what had been accepted when it was killed (null: not within the run).</summary>
public sealed record KillRecord(int Number, string Target, double AtSeconds, double DownSeconds, long AcceptedAtKill, double? DrainSeconds)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"KILL #{Number} {Target} at={AtSeconds:0.0}s down={DownSeconds:0.0}s acceptedAtKill={AcceptedAtKill} timeToDrain={(DrainSeconds is { } d ? $"{d:0.0}s" : "not drained")}");
}

/// <summary>
/// The GUARANTEES.md ledger of a fault run. Counted from what we sent and from the store: accepted = 202 answers;
/// acceptedNotStored / acceptedNotTranslated = ids answered 202 that the raw inbox does not hold / did not translate
/// (looked up by those ids); uniqueKeys = 2 events for each distinct uplink the raw inbox holds (acknowledged or not: a
/// host killed after storing but before answering still owes its events); eventsStored = events in the run's device
/// streams. Pass: missing 0, extra 0, acceptedNotStored 0, acceptedNotTranslated 0.
/// </summary>
public sealed record FaultLedger(
    long Sent, long Accepted, long Rejected, long Failed, long StoredUnacknowledged, long AcceptedNotStored, long AcceptedNotTranslated,
    long UniqueKeys, long EventsStored, int FaultsInjected, double TimeToDrainSeconds, IReadOnlyList<KillRecord> Kills)
{
    public long Missing => Math.Max(0, UniqueKeys - EventsStored);
    public long Extra => Math.Max(0, EventsStored - UniqueKeys);
    public bool Clean => Missing == 0 && Extra == 0 && AcceptedNotStored == 0 && AcceptedNotTranslated == 0 && Kills.All(k => k.DrainSeconds is not null);

    public string Format(string name) => string.Create(CultureInfo.InvariantCulture,
        $"LEDGER {name}: sent={Sent} accepted={Accepted} rejected={Rejected} failed={Failed} storedUnacknowledged={StoredUnacknowledged} " +
        $"acceptedNotStored={AcceptedNotStored} acceptedNotTranslated={AcceptedNotTranslated} uniqueKeys={UniqueKeys} eventsStored={EventsStored} " +
        $"missing={Missing} extra={Extra} faultsInjected={FaultsInjected} timeToDrain={TimeToDrainSeconds:0.0}s " +
        $"drainPerKill=[{string.Join(",", Kills.Select(k => k.DrainSeconds is { } d ? $"{k.Target}:{d:0.0}s" : $"{k.Target}:-"))}]");
}
