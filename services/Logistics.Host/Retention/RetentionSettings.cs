namespace Logistics.Host.Retention;

/// <summary>
/// Host-wide retention defaults (section <c>Logistics:Retention</c>); a tenant's own policy (PUT /retention) overrides them.
/// The default keeps everything 5 years (1,827 days): EU GDP Guidelines 2013/C 343/01, chapter 4, keep records at least 5
/// years unless national law asks for more (docs/operations.md, "Retention").
/// </summary>
public sealed class RetentionSettings
{
    public const int GdpRecordDays = 1827;

    /// <summary>Translated raw messages (the bodies behind the stored events).</summary>
    public int RawMessageDays { get; set; } = GdpRecordDays;

    /// <summary>Quarantined raw messages (rejected, with their reason).</summary>
    public int QuarantineDays { get; set; } = GdpRecordDays;

    /// <summary>Derived read models: the timeline entries (rebuildable from the event streams, which are never purged).</summary>
    public int ReadModelDays { get; set; } = GdpRecordDays;

    /// <summary>How often the purge runs for every tenant; null: never on its own.</summary>
    public TimeSpan? PurgeInterval { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>One tenant's retention in days, per kind of record.</summary>
public sealed record RetentionPolicy(int RawMessageDays, int QuarantineDays, int ReadModelDays);
