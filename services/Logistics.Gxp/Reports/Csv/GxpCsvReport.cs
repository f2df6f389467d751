using System.Globalization;
using System.Text;
using Logistics.Gxp.Assessment;

namespace Logistics.Gxp.Reports.Csv;

/// <summary>
/// The CSV rendering: '#' lines naming the report, a summary table (one row per logger, then one row per
/// excursion and alarm kept in the JSON), a blank line, and the readings table with one flag column per zone.
/// Readings are the distinct instants (duplicates averaged; <c>copies</c> says how many were received).
/// Zone flags: 1 out of range, 0 in range, empty inside an ignore period. The readings table is itself a valid
/// <c>time,celsius,deviceId</c> input of <c>./logistics report</c>.
/// </summary>
public static class GxpCsvReport
{
    /// <summary>Writes the report as UTF-8 CSV (LF line ends).</summary>
    public static void Render(GxpReport report, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var a = report.Assessment;
        w.WriteLine($"# GxP temperature report {report.ReportId} version {report.Metadata.Version} ({report.Metadata.Status}), generated {GxpFormat.Time(report.Metadata.GeneratedAt)} by {ReportMetadata.Software}");
        w.WriteLine($"# verdict {GxpFormat.Name(a.Verdict)}; profile {Escape(a.Profile.Name)} version {a.Profile.Version}; contentSha256 {report.ContentSha256}");
        foreach (var sig in report.Metadata.Signatures ?? [])
            w.WriteLine($"# signature {sig.Meaning} by {sig.PrintedName} at {GxpFormat.Time(sig.SignedAt)} (UTC), bound to contentSha256 {sig.ContentSha256}");
        WriteSummary(w, a);
        w.WriteLine();
        WriteReadings(w, a);
    }

    /// <summary>The CSV as bytes.</summary>
    public static byte[] Render(GxpReport report)
    {
        using var stream = new MemoryStream();
        Render(report, stream);
        return stream.ToArray();
    }

    static void WriteSummary(TextWriter w, ShipmentAssessment a)
    {
        var zones = a.Profile.Zones;
        w.Write("deviceId,verdict,readingCount,duplicateCount,expectedCount,completenessPercent,firstReading,lastReading,minCelsius,minAt,maxCelsius,maxAt,meanCelsius,mktCelsius,gapCount,gapMinutes");
        foreach (var z in zones) w.Write($",{z.Id}MinutesOutOfRange");
        w.WriteLine(",excursionCount,alarmCount");
        foreach (var l in a.Loggers)
        {
            w.Write(string.Join(',', Escape(l.DeviceId), GxpFormat.Name(l.Verdict), Int(l.ReadingCount), Int(l.DuplicateCount), Int(l.ExpectedCount),
                GxpFormat.Percent(l.CompletenessPercent), GxpFormat.Time(l.FirstReading), GxpFormat.Time(l.LastReading),
                Opt(l.MinCelsius), l.MinAt is { } minAt ? GxpFormat.Time(minAt) : "", Opt(l.MaxCelsius), l.MaxAt is { } maxAt ? GxpFormat.Time(maxAt) : "",
                Opt(l.MeanCelsius), Opt(l.MktCelsius), Int(l.GapCount), GxpFormat.Minutes(l.GapMinutes)));
            foreach (var z in l.Zones) w.Write("," + GxpFormat.Minutes(z.MinutesOutOfRange));
            w.WriteLine($",{l.Zones.Sum(z => z.ExcursionCount)},{a.Alarms.Count(x => x.DeviceId == l.DeviceId)}");
        }
        w.WriteLine();
        w.WriteLine("excursionDeviceId,zoneId,start,end,durationMinutes,peakCelsius,degreeMinutes,endReason,exceedsDelay,legId,custodian");
        foreach (var e in a.Excursions)
            w.WriteLine(string.Join(',', Escape(e.DeviceId), Escape(e.ZoneId), GxpFormat.Time(e.Start), GxpFormat.Time(e.End),
                GxpFormat.Minutes(e.DurationMinutes), GxpFormat.Celsius(e.PeakCelsius), GxpFormat.Minutes(e.DegreeMinutes), e.EndReason,
                e.ExceedsDelay ? "true" : "false", Escape(e.LegId ?? ""), Escape(e.Custodian ?? "")));
        w.WriteLine();
        w.WriteLine("alarmDeviceId,zoneId,type,severity,triggeredAt,occurrences,legId,custodian");
        foreach (var al in a.Alarms)
            w.WriteLine(string.Join(',', Escape(al.DeviceId), Escape(al.ZoneId), al.Type, al.Severity.ToString().ToLowerInvariant(),
                GxpFormat.Time(al.TriggeredAt), Int(al.Occurrences), Escape(al.LegId ?? ""), Escape(al.Custodian ?? "")));
    }

    static void WriteReadings(TextWriter w, ShipmentAssessment a)
    {
        var zones = a.Profile.Zones;
        w.Write("deviceId,time,celsius,copies,heldMinutes,assessed,gapAfter");
        foreach (var z in zones) w.Write("," + Escape(z.Id));
        w.WriteLine();
        foreach (var l in a.Loggers)
        {
            var s = l.Series;
            var device = Escape(l.DeviceId);
            for (var i = 0; i < s.Count; i++)
            {
                var assessed = s.IsAssessed(i);
                var held = (assessed ? s.AssessedHeldEnd(i) : s.HeldEnd[i]) - s.Ticks[i];
                w.Write(device);
                w.Write(',');
                w.Write(GxpFormat.Time(s.TimeAt(i)));
                w.Write(',');
                // The averaged value at full precision: the table must re-read to the same assessment.
                w.Write(s.Celsius[i].ToString("R", CultureInfo.InvariantCulture));
                w.Write(',');
                w.Write(Int(s.Copies[i]));
                w.Write(',');
                w.Write(GxpFormat.Minutes(held / 600_000_000.0));
                w.Write(assessed ? ",1," : ",0,");
                w.Write(s.GapAfter(i) ? '1' : '0');
                foreach (var z in zones)
                    w.Write(!assessed ? "," : z.IsOutOfRange(s.Celsius[i]) ? ",1" : ",0");
                w.WriteLine();
            }
        }
    }

    static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Opt(double? celsius) => celsius is { } c ? GxpFormat.Celsius(c) : "";

    static string Escape(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
