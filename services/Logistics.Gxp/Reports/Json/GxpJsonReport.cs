using System.Text.Json;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Gxp.Reports.Json;

/// <summary>
/// The JSON rendering: GXP.md field names, fields always in the same order, numbers formatted by
/// <see cref="GxpFormat"/>. Byte-identical for the same readings (in any order), profile and metadata.
/// </summary>
public static class GxpJsonReport
{
    /// <summary>The report as indented UTF-8 JSON.</summary>
    public static byte[] Render(GxpReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, GxpReport.WriterOptions(indented: true)))
        {
            var m = report.Metadata;
            w.WriteStartObject();
            w.WriteString("reportId", report.ReportId);
            w.WriteNumber("reportVersion", m.Version);
            w.WriteString("status", m.Status);
            w.WriteString("generatedAt", GxpFormat.Time(m.GeneratedAt));
            if (m.TimeZoneId is { } zoneId)
            {
                var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw new ArgumentException($"unknown time zone '{zoneId}'");
                w.WriteString("generatedAtLocal", OffsetDateTimePattern.ExtendedIso.Format(m.GeneratedAt.InZone(zone).ToOffsetDateTime()));
                w.WriteString("timeZone", zoneId);
            }
            w.WriteString("software", ReportMetadata.Software);
            w.WriteString("contentSha256", report.ContentSha256);
            w.WriteString("contentSha256Covers", ReportConventions.HashCovers);
            WriteContent(w, report.Assessment, report.ProfileSha256);
            if (m.Signatures is { } signatures) WriteSignatures(w, signatures);
            if (m.History is { } history) WriteHistory(w, history);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>Every field the content hash covers, in their fixed order (called for the hash and for the document).</summary>
    internal static void WriteContent(Utf8JsonWriter w, ShipmentAssessment a, string profileSha256)
    {
        w.WriteString("verdict", GxpFormat.Name(a.Verdict));
        w.WriteString("verdictRule", ReportConventions.VerdictRule);
        w.WriteStartArray("conventions");
        foreach (var c in ReportConventions.For(a.Profile)) w.WriteStringValue(c);
        w.WriteEndArray();

        w.WritePropertyName("profile");
        ProfileJson.Write(w, a.Profile);
        w.WriteString("profileSha256", profileSha256);
        WriteShipment(w, a.Shipment);

        w.WriteStartObject("summary");
        w.WriteNumber("loggerCount", a.Loggers.Count);
        w.WriteNumber("readingCount", a.Loggers.Sum(l => l.ReadingCount));
        w.WriteNumber("duplicateCount", a.Loggers.Sum(l => l.DuplicateCount));
        w.WriteNumber("excursionCount", a.Excursions.Count);
        w.WriteNumber("alarmCount", a.Alarms.Count);
        w.WriteNumber("gapCount", a.Gaps.Count);
        w.WriteEndObject();

        w.WriteStartArray("loggers");
        foreach (var l in a.Loggers) WriteLogger(w, l);
        w.WriteEndArray();

        w.WriteStartArray("excursions");
        foreach (var e in a.Excursions)
        {
            w.WriteStartObject();
            w.WriteString("deviceId", e.DeviceId);
            w.WriteString("zoneId", e.ZoneId);
            w.WriteString("direction", ProfileJson.Name(e.Direction));
            Raw(w, "limitCelsius", GxpFormat.Number(e.LimitCelsius));
            w.WriteString("start", GxpFormat.Time(e.Start));
            w.WriteString("end", GxpFormat.Time(e.End));
            Raw(w, "durationMinutes", GxpFormat.Minutes(e.DurationMinutes));
            Raw(w, "peakCelsius", GxpFormat.Celsius(e.PeakCelsius));
            w.WriteString("peakAt", GxpFormat.Time(e.PeakAt));
            Raw(w, "degreeMinutes", GxpFormat.Minutes(e.DegreeMinutes));
            w.WriteNumber("readingCount", e.ReadingCount);
            w.WriteString("endReason", e.EndReason);
            w.WriteBoolean("exceedsDelay", e.ExceedsDelay);
            w.WriteString("leg", e.LegId);
            w.WriteString("legId", e.LegId);
            w.WriteString("custodian", e.Custodian);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("alarms");
        foreach (var al in a.Alarms)
        {
            w.WriteStartObject();
            w.WriteString("deviceId", al.DeviceId);
            w.WriteString("zoneId", al.ZoneId);
            w.WriteString("type", al.Type);
            w.WriteString("severity", ProfileJson.Name(al.Severity));
            Raw(w, "delayMinutes", GxpFormat.Number(al.ThresholdMinutes));
            w.WriteString("triggeredAt", GxpFormat.Time(al.TriggeredAt));
            w.WriteNumber("occurrences", al.Occurrences);
            w.WriteString("detail", al.Detail);
            w.WriteString("leg", al.LegId);
            w.WriteString("legId", al.LegId);
            w.WriteString("custodian", al.Custodian);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("gaps");
        foreach (var g in a.Gaps)
        {
            w.WriteStartObject();
            w.WriteString("deviceId", g.DeviceId);
            w.WriteString("start", GxpFormat.Time(g.Start));
            w.WriteString("end", GxpFormat.Time(g.End));
            Raw(w, "durationMinutes", GxpFormat.Minutes(g.DurationMinutes));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("stabilityBudget");
        foreach (var b in a.StabilityBudget)
        {
            w.WriteStartObject();
            w.WriteString("bandId", b.BandId);
            Raw(w, "allowedMinutes", GxpFormat.Minutes(b.AllowedMinutes));
            Raw(w, "priorMinutes", GxpFormat.Minutes(b.PriorMinutes));
            Raw(w, "consumedMinutes", GxpFormat.Minutes(b.ConsumedMinutes));
            Raw(w, "remainingMinutes", GxpFormat.Minutes(b.RemainingMinutes));
            w.WriteBoolean("exceeded", b.Exceeded);
            w.WriteString("worstDeviceId", b.WorstDeviceId);
            w.WriteStartArray("byLeg");
            foreach (var leg in b.ByLeg)
            {
                w.WriteStartObject();
                w.WriteString("leg", leg.LegId);
                w.WriteString("custodian", leg.Custodian);
                Raw(w, "minutes", GxpFormat.Minutes(leg.Minutes));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("dataIntegrity");
        w.WriteString("seriesSha256", a.SeriesSha256);
        w.WriteString("seriesSha256Covers", "each logger's distinct readings sorted by (deviceId, time), as 'deviceId,unixTicks,celsius' lines; duplicates averaged");
        w.WriteNumber("duplicateCount", a.Loggers.Sum(l => l.DuplicateCount));
        w.WriteNumber("gapCount", a.Gaps.Count);
        Raw(w, "gapMinutes", GxpFormat.Minutes(a.Gaps.Sum(g => g.DurationMinutes)));
        w.WriteString("statement", IntegrityStatement.Text);
        w.WriteEndObject();
    }

    static void WriteLogger(Utf8JsonWriter w, LoggerAssessment l)
    {
        w.WriteStartObject();
        w.WriteString("deviceId", l.DeviceId);
        w.WriteString("verdict", GxpFormat.Name(l.Verdict));
        w.WriteNumber("readingCount", l.ReadingCount);
        w.WriteNumber("duplicateCount", l.DuplicateCount);
        w.WriteNumber("expectedCount", l.ExpectedCount);
        Raw(w, "completenessPercent", GxpFormat.Percent(l.CompletenessPercent));
        w.WriteString("firstReading", GxpFormat.Time(l.FirstReading));
        w.WriteString("lastReading", GxpFormat.Time(l.LastReading));
        TimeOrNull(w, "assessedFrom", l.AssessedFrom);
        TimeOrNull(w, "assessedTo", l.AssessedTo);
        Raw(w, "assessedMinutes", GxpFormat.Minutes(l.AssessedMinutes));
        CelsiusOrNull(w, "minCelsius", l.MinCelsius);
        TimeOrNull(w, "minAt", l.MinAt);
        CelsiusOrNull(w, "maxCelsius", l.MaxCelsius);
        TimeOrNull(w, "maxAt", l.MaxAt);
        CelsiusOrNull(w, "meanCelsius", l.MeanCelsius);
        CelsiusOrNull(w, "mktCelsius", l.MktCelsius);
        w.WriteString("mktNote", l.MktNote);
        if (l.MktWindowMax is { } mw)
        {
            w.WriteStartObject("mktWindow");
            Raw(w, "hours", GxpFormat.Number(mw.WindowHours));
            Raw(w, "maxMktCelsius", GxpFormat.Celsius(mw.MktCelsius));
            w.WriteString("start", GxpFormat.Time(mw.WindowStart));
            w.WriteString("end", GxpFormat.Time(mw.WindowEnd));
            w.WriteEndObject();
        }
        w.WriteNumber("gapCount", l.GapCount);
        Raw(w, "gapMinutes", GxpFormat.Minutes(l.GapMinutes));
        w.WriteStartArray("zones");
        foreach (var z in l.Zones)
        {
            w.WriteStartObject();
            w.WriteString("zoneId", z.ZoneId);
            w.WriteString("direction", ProfileJson.Name(z.Direction));
            Raw(w, "limitCelsius", GxpFormat.Number(z.LimitCelsius));
            Raw(w, "minutesOutOfRange", GxpFormat.Minutes(z.MinutesOutOfRange));
            w.WriteNumber("excursionCount", z.ExcursionCount);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteShipment(Utf8JsonWriter w, ShipmentInfo? s)
    {
        if (s is null) { w.WriteNull("shipment"); return; }
        w.WriteStartObject("shipment");
        w.WriteString("reference", s.Reference);
        w.WriteString("shipper", s.Shipper);
        w.WriteString("consignee", s.Consignee);
        w.WriteString("product", s.Product);
        w.WriteString("lot", s.Lot);
        w.WriteString("labelledCondition", s.LabelledCondition);
        w.WriteStartArray("legs");
        foreach (var leg in s.OrderedLegs)
        {
            w.WriteStartObject();
            w.WriteString("id", leg.Id);
            w.WriteString("custodian", leg.Custodian);
            w.WriteString("mode", leg.Mode);
            w.WriteString("start", GxpFormat.Time(leg.Start));
            TimeOrNull(w, "end", leg.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("stabilityConsumedMinutes");
        foreach (var (band, minutes) in (s.StabilityConsumedMinutes ?? new Dictionary<string, double>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            Raw(w, band, GxpFormat.Minutes(minutes));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>QA's signatures of this version: outside the content hash (they sign it).</summary>
    static void WriteSignatures(Utf8JsonWriter w, IReadOnlyList<ReportSignature> signatures)
    {
        w.WriteStartArray("signatures");
        foreach (var s in signatures)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("signer", s.PrintedName);
            w.WriteString("meaning", s.Meaning);
            w.WriteString("signedAt", GxpFormat.Time(s.SignedAt));
            w.WriteString("contentSha256", s.ContentSha256);
            w.WriteString("comment", s.Comment);
            w.WriteBoolean("verified", s.Verified);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The record's history (late data, versions, raw messages): outside the content hash, it depends on arrival order.</summary>
    static void WriteHistory(Utf8JsonWriter w, RecordHistory h)
    {
        w.WriteStartObject("recordHistory");
        w.WriteNumber("rawMessageCount", h.RawMessageCount);
        w.WriteString("rawMessagesSha256", h.RawMessagesSha256);
        w.WriteStartArray("versions");
        foreach (var v in h.Versions)
        {
            w.WriteStartObject();
            w.WriteNumber("version", v.Version);
            w.WriteString("madeAt", GxpFormat.Time(v.MadeAt));
            w.WriteString("trigger", v.Trigger);
            w.WriteString("contentSha256", v.ContentSha256);
            w.WriteStartArray("lateData");
            foreach (var l in v.LateData)
            {
                w.WriteStartObject();
                w.WriteString("deviceId", l.DeviceId);
                w.WriteNumber("count", l.Count);
                w.WriteString("firstOccurredAt", GxpFormat.Time(l.FirstOccurredAt));
                w.WriteString("lastOccurredAt", GxpFormat.Time(l.LastOccurredAt));
                w.WriteString("firstReceivedAt", GxpFormat.Time(l.FirstReceivedAt));
                w.WriteString("lastReceivedAt", GxpFormat.Time(l.LastReceivedAt));
                w.WriteNumber("reopenedVersion", l.ReopenedVersion);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("statement", IntegrityStatement.HistoryText);
        w.WriteEndObject();
    }

    static void Raw(Utf8JsonWriter w, string name, string number)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(number, skipInputValidation: true);
    }

    static void CelsiusOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) Raw(w, name, GxpFormat.Celsius(v));
        else w.WriteNull(name);
    }

    static void TimeOrNull(Utf8JsonWriter w, string name, Instant? value)
    {
        if (value is { } v) w.WriteString(name, GxpFormat.Time(v));
        else w.WriteNull(name);
    }
}
