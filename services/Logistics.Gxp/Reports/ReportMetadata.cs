using System.Reflection;
using NodaTime;

namespace Logistics.Gxp.Reports;

/// <summary>
/// What a report says about itself rather than about the data; none of it enters the content hash.
/// <paramref name="GeneratedAt"/> is passed in: the engine never reads a clock.
/// </summary>
/// <param name="GeneratedAt">When the report was generated (UTC instant); for a stored version, when the version was made.</param>
/// <param name="ReportId">Report id; by default derived from the content hash (same data, same id).</param>
/// <param name="Version">Report version: late readings re-open the assessment and make a new version.</param>
/// <param name="Status">draft, reviewed, approved, rejected or superseded.</param>
/// <param name="TimeZoneId">Shipper's IANA zone for the local generation time (e.g. Europe/Zurich), or null.</param>
public sealed record ReportMetadata(Instant GeneratedAt, string? ReportId = null, int Version = 1, string Status = "draft", string? TimeZoneId = null)
{
    /// <summary>QA's signatures of this version (null: the report is not a stored version, e.g. a logger file).</summary>
    public IReadOnlyList<ReportSignature>? Signatures { get; init; }

    /// <summary>How the stored record came to be: raw messages, versions and the late data that reopened them (null: none).</summary>
    public RecordHistory? History { get; init; }

    /// <summary>Name and version of the software that produced the report.</summary>
    public static string Software { get; } =
        "Logistics.Gxp " + (typeof(ReportMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown");
}

/// <summary>
/// An electronic signature of one report version (21 CFR 11.50): the signer's printed name, when (UTC), the meaning,
/// the content hash it is bound to, QA's comment, and whether its binding verifies against this version's hash.
/// </summary>
public sealed record ReportSignature(string Id, string PrintedName, string Meaning, Instant SignedAt, string ContentSha256, string? Comment, bool Verified);

/// <summary>
/// The stored record's history as the data-integrity statement gives it. It describes when data arrived, not what the
/// data is, so it stays outside the content hash: the same readings in any arrival order give the same content.
/// </summary>
/// <param name="RawMessageCount">Distinct raw messages the assessed readings were translated from.</param>
/// <param name="RawMessagesSha256">SHA-256 over their raw-message hashes, sorted (each raw message is kept in the raw inbox).</param>
/// <param name="Versions">Every version up to this one, oldest first.</param>
public sealed record RecordHistory(int RawMessageCount, string RawMessagesSha256, IReadOnlyList<VersionNote> Versions);

/// <summary>One version: when and why it was made, its hash, and the late data that reopened the version before it.</summary>
public sealed record VersionNote(int Version, Instant MadeAt, string Trigger, string ContentSha256, IReadOnlyList<LateData> LateData);

/// <summary>Readings of one logger that arrived after a version covering their time was made, and the version they reopened.</summary>
public sealed record LateData(string DeviceId, int Count, Instant FirstOccurredAt, Instant LastOccurredAt, Instant FirstReceivedAt,
    Instant LastReceivedAt, int ReopenedVersion);
