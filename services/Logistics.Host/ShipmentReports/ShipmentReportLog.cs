using Logistics.Host.Shipments;
using Marten.Events.Aggregation;
using NodaTime;

namespace Logistics.Host.ShipmentReports;

/// <summary>A stored report version, as <see cref="ReportVersionMade"/> fixed it.</summary>
public sealed record ReportVersionRecord(int Version, string ContentSha256, string Verdict, ReportInputs Inputs, Instant MadeAt, string Trigger,
    string By, IReadOnlyList<LateReadings> LateData);

/// <summary>A signature of one version, as <see cref="ReportSigned"/> recorded it.</summary>
public sealed record SignatureRecord(string Id, int Version, string ContentSha256, string Signer, string Meaning, string? Comment, Instant SignedAt,
    string KeyId, string Binding);

/// <summary>
/// A shipment's report versions and their signatures: a document kept inline from the shipment stream (same transaction as
/// the events), one per shipment, in its tenant. Read by the report, reports and signature routes and the summary.
/// </summary>
public sealed class ShipmentReportLog
{
    /// <summary>The shipment stream key.</summary>
    public string Id { get; set; } = "";
    public string ShipmentId { get; set; } = "";
    public List<ReportVersionRecord> Versions { get; set; } = [];
    public List<SignatureRecord> Signatures { get; set; } = [];

    public ReportVersionRecord? Newest => Versions.Count == 0 ? null : Versions[^1];

    public ReportVersionRecord? Find(int version) => Versions.FirstOrDefault(v => v.Version == version);

    public IEnumerable<SignatureRecord> SignaturesOf(int version) => Signatures.Where(s => s.Version == version);

    /// <summary>draft, reviewed, approved, rejected, or superseded once a newer version exists (API.md).</summary>
    public string StatusOf(int version)
    {
        if (Newest is { } newest && newest.Version > version) return "superseded";
        var meanings = SignaturesOf(version).Select(s => s.Meaning).ToHashSet(StringComparer.Ordinal);
        return meanings.Contains("rejected") ? "rejected" : meanings.Contains("approved") ? "approved" : meanings.Contains("reviewed") ? "reviewed" : "draft";
    }
}

public sealed class ShipmentReportLogProjection : SingleStreamProjection<ShipmentReportLog, string>
{
    public ShipmentReportLog Create(ShipmentRegistered e) => new() { Id = ShipmentStreams.Key(e.ShipmentId), ShipmentId = e.ShipmentId };

    public ShipmentReportLog Apply(ReportVersionMade e, ShipmentReportLog current)
    {
        current.Id = ShipmentStreams.Key(e.ShipmentId);
        current.ShipmentId = e.ShipmentId;
        if (current.Find(e.Version) is null)
            current.Versions.Add(new ReportVersionRecord(e.Version, e.ContentSha256, e.Verdict, e.Inputs, e.MadeAt, e.Trigger, e.By, e.LateData));
        return current;
    }

    public ShipmentReportLog Apply(ReportSigned e, ShipmentReportLog current)
    {
        current.Id = ShipmentStreams.Key(e.ShipmentId);
        current.ShipmentId = e.ShipmentId;
        if (current.Signatures.All(s => s.Id != e.SignatureId))
            current.Signatures.Add(new SignatureRecord(e.SignatureId, e.Version, e.ContentSha256, e.Signer, e.Meaning, e.Comment, e.SignedAt, e.KeyId, e.Binding));
        return current;
    }
}
