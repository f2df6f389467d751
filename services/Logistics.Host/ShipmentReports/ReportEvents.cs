using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Host.ShipmentReports;

// Events of the shipment stream about its GxP report: a version fixed, a version signed. A version stores what it was
// computed from (ReportInputs), never its rendered content: recomputing from the streams gives back the same content hash.

/// <summary>
/// One logger window as a version saw it: the device's stream (<c>device:…</c> or <c>ref:…</c>) and the stream version the
/// readings were read up to, so later appends to the stream never change this version.
/// </summary>
public sealed record WindowInput(string Device, Instant From, Instant? To, string Position, string StreamKey, long StreamVersion, Instant? LastReadingAt);

/// <summary>A leg as a version attributed custody: derived from milestones and matched to a registered leg.</summary>
public sealed record LegInput(string Id, string? Custodian, string? Mode, Instant Start, Instant? End);

/// <summary>What a version was computed from: the profile (canonical JSON), the shipment's details, its legs and its windows.</summary>
public sealed record ReportInputs(string ProfileJson, string Reference, string? Consignee, string? Product, string? Lot,
    IReadOnlyList<LegInput> Legs, IReadOnlyList<WindowInput> Windows)
{
    public WindowInput? Window(string device) => Windows.LastOrDefault(w => w.Device == device);
}

/// <summary>Readings of one logger that arrived after the previous version covered their time.</summary>
public sealed record LateReadings(string Device, int Count, Instant FirstOccurredAt, Instant LastOccurredAt, Instant FirstReceivedAt, Instant LastReceivedAt);

/// <summary>
/// A report version was fixed: its number, content hash, verdict, inputs, when and why it was made (<c>first</c>, <c>data</c>,
/// <c>late-data</c>, <c>window-change</c>, <c>legs-change</c>) and by whom, and the late readings that reopened the version before.
/// </summary>
public sealed record ReportVersionMade(string ShipmentId, int Version, string ContentSha256, string Verdict, ReportInputs Inputs, Instant MadeAt,
    string Trigger, string By, IReadOnlyList<LateReadings> LateData);

/// <summary>
/// A QA signature (21 CFR 11.50/11.70): printed name (the signer's user), meaning, comment, when, the content hash of the version
/// signed, and <paramref name="Binding"/> — an HMAC with the audit key over all of it, so the signature verifies against that
/// version's hash only and cannot be forged by whoever can write the database.
/// </summary>
public sealed record ReportSigned(string ShipmentId, string SignatureId, int Version, string ContentSha256, string Signer, string Meaning,
    string? Comment, Instant SignedAt, string KeyId, string Binding);

public static class ReportEventIds
{
    /// <summary>Version N of a shipment has one id: two processes making it at once cannot both store it.</summary>
    public static Guid Version(string tenantId, string shipmentId, int version) =>
        EventIds.DeriveGuid($"{tenantId}|report-version|{shipmentId}|{version}");

    public static readonly Type[] EventTypes = [typeof(ReportVersionMade), typeof(ReportSigned)];
}
