using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using Logistics.Gxp.Reports;
using Logistics.Host.Shipments;
using NodaTime;
using GxpReading = Logistics.Gxp.Assessment.Reading;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// Inputs + readings → the GxP report of one version, with the engine of the logger-file reports (<see cref="GxpAssessor"/>):
/// the same inputs and the same readings always give the same content hash.
/// </summary>
public static class ReportBuilder
{
    /// <summary>The inputs a version made now would fix: the record's profile and details, the derived legs, the windows.</summary>
    public static ReportInputs Inputs(ShipmentRecord record, IReadOnlyList<LegInput> legs, IReadOnlyList<WindowInput> windows) =>
        new(ProfileJson.ToJson(ShipmentAssessments.Profile(record.Profile)), record.Reference, record.Consignee, record.Product?.Name, record.Product?.Lot,
            legs, windows);

    /// <summary>The assessment of these readings under these inputs; null when there is no reading to assess.</summary>
    public static GxpReport? Assess(ReportInputs inputs, StreamReadingSet readings, ReportMetadata metadata)
    {
        if (readings.Count == 0) return null;
        var profile = ProfileParser.Parse(inputs.ProfileJson); // written by ProfileJson: a failure is a bug
        var shipment = new ShipmentInfo(Reference: inputs.Reference, Consignee: inputs.Consignee, Product: inputs.Product, Lot: inputs.Lot,
            Legs: inputs.Legs.Select(l => new Leg(l.Id, l.Custodian, l.Start, l.End, l.Mode)).ToList());
        var assessment = GxpAssessor.Assess(readings.Select(r => new GxpReading(r.Device, r.OccurredAt, r.Celsius)), profile, shipment);
        return GxpReport.Create(assessment, metadata);
    }

    /// <summary>
    /// The readings of <paramref name="current"/> that arrived after <paramref name="previous"/> was made (a higher stream version)
    /// although <paramref name="previous"/> already covered their time (at or before its last reading of that logger).
    /// </summary>
    public static IReadOnlyList<LateReadings> Late(ReportInputs previous, IReadOnlyList<StreamReading> current)
    {
        var late = new List<LateReadings>();
        foreach (var device in current.GroupBy(r => r.Device).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (previous.Window(device.Key) is not { LastReadingAt: { } coveredUntil } window) continue;
            var reopening = device.Where(r => r.StreamVersion > window.StreamVersion && r.OccurredAt <= coveredUntil).ToList();
            if (reopening.Count == 0) continue;
            late.Add(new LateReadings(device.Key, reopening.Count, reopening.Min(r => r.OccurredAt), reopening.Max(r => r.OccurredAt),
                reopening.Min(r => r.ReceivedAt), reopening.Max(r => r.ReceivedAt)));
        }
        return late;
    }

    /// <summary>The record's history for a version: its raw messages and every version up to it with the late data that reopened it.</summary>
    /// <param name="raw">The readings' raw messages (<see cref="StreamReadingSet.RawMessages"/>): how many, and their hash.</param>
    public static RecordHistory History(ShipmentReportLog log, int upTo, (int Count, string Sha256) raw)
    {
        var versions = log.Versions.Where(v => v.Version <= upTo).Select(v => new VersionNote(v.Version, v.MadeAt, v.Trigger, v.ContentSha256,
            v.LateData.Select(l => new LateData(l.Device, l.Count, l.FirstOccurredAt, l.LastOccurredAt, l.FirstReceivedAt, l.LastReceivedAt, v.Version - 1)).ToList()))
            .ToList();
        return new RecordHistory(raw.Count, raw.Sha256, versions);
    }

    /// <summary>The metadata of a stored version: fixed generation time (when it was made), status, signatures, history.</summary>
    public static ReportMetadata Metadata(string shipmentId, ReportVersionRecord version, string status, IReadOnlyList<ReportSignature> signatures,
        RecordHistory? history) =>
        new(version.MadeAt, $"{shipmentId}-v{version.Version}", version.Version, status) { Signatures = signatures, History = history };

    /// <summary>Metadata for computing a content hash only (none of it is hashed).</summary>
    public static ReportMetadata Draft(Instant at) => new(at);
}
