using Logistics.Gxp.Assessment;
using Logistics.Gxp.Fonts;
using Logistics.Gxp.Profiles;
using NodaTime;
using NodaTime.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Logistics.Gxp.Reports.Pdf;

/// <summary>
/// The human-readable rendering of a report version: header with the content hash, verdict, shipment and profile,
/// chart, statistics per logger, excursions, alarms, gaps, stability budget, data integrity, conventions and the
/// signature block. Every figure is printed by <see cref="GxpFormat"/>, exactly as in the JSON.
/// </summary>
public static class GxpPdfReport
{
    static readonly XColor Red = XColor.FromArgb(200, 35, 51);
    static readonly XColor Amber = XColor.FromArgb(224, 143, 0);
    static readonly XColor Green = XColor.FromArgb(25, 135, 84);

    /// <summary>Renders the report as PDF bytes.</summary>
    public static byte[] Render(GxpReport report)
    {
        EmbeddedFonts.Register();
        var a = report.Assessment;
        using var document = new PdfDocument();
        document.Info.Title = $"Temperature report {report.ReportId}";
        document.Info.Subject = $"verdict {GxpFormat.Name(a.Verdict)}; content SHA-256 {report.ContentSha256}";
        document.Info.Creator = ReportMetadata.Software;
        // Fixed dates: the same report version renders to the same PDF, whenever it is rendered.
        document.Info.CreationDate = report.Metadata.GeneratedAt.ToDateTimeUtc();
        document.Info.ModificationDate = report.Metadata.GeneratedAt.ToDateTimeUtc();

        using var c = new PdfCanvas(document);
        Header(c, report);
        VerdictBox(c, a);
        ShipmentAndProfile(c, report);
        c.Heading("Temperature record");
        c.Image(GxpChart.RenderPng(a), c.Width * GxpChart.DefaultHeight / GxpChart.DefaultWidth);
        c.Paragraph("Shaded: out-of-range time of any zone. Dashed: zone limits. Breaks in a trace: gaps. Times in UTC.", c.Small, PdfCanvas.Muted);
        Statistics(c, a);
        Excursions(c, a);
        Alarms(c, a);
        Gaps(c, a);
        Budget(c, a);
        Integrity(c, report);
        Signatures(c, report);
        c.Footers((page, pages) =>
            $"{report.ReportId} v{report.Metadata.Version} ({report.Metadata.Status}) · content SHA-256 {report.ContentSha256} · page {page} of {pages}");

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    static void Header(PdfCanvas c, GxpReport report)
    {
        var g = c.Gfx;
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(13, 59, 102)), PdfCanvas.Margin, c.Y, c.Width, 34);
        g.DrawString("Temperature Excursion Report", new XFont(EmbeddedFonts.Family, 15, XFontStyleEx.Bold), XBrushes.White,
            new XRect(PdfCanvas.Margin + 10, c.Y + 9, c.Width, 20), XStringFormats.TopLeft);
        g.DrawString(report.ReportId, c.Bold, XBrushes.White, new XRect(PdfCanvas.Margin, c.Y + 12, c.Width - 10, 14), XStringFormats.TopRight);
        c.Y += 42;
        var m = report.Metadata;
        var pairs = new List<(string, string)>
        {
            ("Report id", report.ReportId),
            ("Version / status", $"{m.Version} / {m.Status}"),
            ("Generated (UTC)", GxpFormat.Time(m.GeneratedAt)),
            ("Software", ReportMetadata.Software),
        };
        if (m.TimeZoneId is { } zoneId && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is { } zone)
            pairs.Add(("Generated (local)", $"{OffsetDateTimePattern.ExtendedIso.Format(m.GeneratedAt.InZone(zone).ToOffsetDateTime())} {zoneId}"));
        c.KeyValues(pairs);
        c.KeyValues([("Content SHA-256", report.ContentSha256)], 92);
    }

    static void VerdictBox(PdfCanvas c, ShipmentAssessment a)
    {
        var (color, reason) = a.Verdict switch
        {
            Verdict.Alarm => (Red, $"{a.Alarms.Count(x => x.Severity == Severity.Alarm)} alarm(s) on {a.Alarms.Where(x => x.Severity == Severity.Alarm).Select(x => x.DeviceId).Distinct().Count()} logger(s); see Alarms."),
            Verdict.Incomplete => (Amber, $"No alarm, but {a.Gaps.Count} gap(s) totalling {GxpFormat.Minutes(a.Gaps.Sum(x => x.DurationMinutes))} min: the record cannot show the product stayed in range."),
            _ => (Green, "All loggers complete and within the profile."),
        };
        c.Ensure(44);
        c.Gfx.DrawRectangle(new XPen(color, 1.5), new XSolidBrush(XColor.FromArgb(24, color.R, color.G, color.B)), PdfCanvas.Margin, c.Y, c.Width, 38);
        c.Gfx.DrawString("VERDICT: " + GxpFormat.Name(a.Verdict).ToUpperInvariant(), new XFont(EmbeddedFonts.Family, 14, XFontStyleEx.Bold),
            new XSolidBrush(color), new XRect(PdfCanvas.Margin + 10, c.Y + 5, c.Width, 18), XStringFormats.TopLeft);
        c.Gfx.DrawString(c.Fit(reason, c.Body, c.Width - 20), c.Body, new XSolidBrush(PdfCanvas.Ink),
            new XRect(PdfCanvas.Margin + 10, c.Y + 23, c.Width - 20, 12), XStringFormats.TopLeft);
        c.Y += 44;
        c.Paragraph("Rule: " + ReportConventions.VerdictRule, c.Small, PdfCanvas.Muted);
    }

    static void ShipmentAndProfile(PdfCanvas c, GxpReport report)
    {
        var a = report.Assessment;
        if (a.Shipment is { } s)
        {
            c.Heading("Shipment");
            c.KeyValues([("Reference", s.Reference ?? "—"), ("Product / lot", $"{s.Product ?? "—"} / {s.Lot ?? "—"}"),
                ("Shipper", s.Shipper ?? "—"), ("Consignee", s.Consignee ?? "—"), ("Labelled condition", s.LabelledCondition ?? "—")]);
            if (s.OrderedLegs.Count > 0)
                c.Table([new("Leg", 70), new("Custodian", 130), new("Mode", 60), new("Start (UTC)", 120), new("End (UTC)", 120)],
                    s.OrderedLegs.Select(l => (IReadOnlyList<string>)[l.Id, l.Custodian ?? "—", l.Mode ?? "—", GxpFormat.Time(l.Start),
                        l.End is { } end ? GxpFormat.Time(end) : "—"]));
        }
        var p = a.Profile;
        c.Heading("Profile applied");
        c.KeyValues([("Profile", p.Name), ("Version", p.Version), ("Logging interval", $"{GxpFormat.Number(p.LoggingIntervalMinutes)} min"),
            ("Ignore start / end", $"{GxpFormat.Number(p.IgnoreStartMinutes)} / {GxpFormat.Number(p.IgnoreEndMinutes)} min"),
            ("MKT rule", p.IsFrozen ? "not applicable (frozen)" : p.Mkt is { } m
                ? (m.MaxCelsius is { } max ? $"max {GxpFormat.Number(max)} °C" : "no maximum (MKT reported only)")
                  + $", ΔH {GxpFormat.Number(m.ActivationEnergyKJPerMol)} kJ/mol" + (m.WindowHours is { } h ? $", window {GxpFormat.Number(h)} h" : "")
                : "none (MKT reported only)"),
            ("Profile SHA-256", report.ProfileSha256)]);
        if (p.Description is not null) c.Paragraph(p.Description, c.Small, PdfCanvas.Muted);
        c.Table([new("Zone", 50), new("Limit", 100), new("Mode", 80), new("Delay (min)", 70, true), new("Severity", 70)],
            p.Zones.Select(z => (IReadOnlyList<string>)[z.Id, GxpFormat.Limit(z.Direction, z.LimitCelsius),
                z.Mode == ZoneMode.Single ? "single" : "cumulative", GxpFormat.Number(z.DelayMinutes), ProfileJson.Name(z.Severity)]));
    }

    static void Statistics(PdfCanvas c, ShipmentAssessment a)
    {
        c.Heading("Statistics per logger");
        // Metrics down, loggers across: QA compares loggers side by side; four loggers per table.
        foreach (var chunk in a.Loggers.Chunk(4))
        {
            var columns = new List<PdfColumn> { new("Metric", 135) };
            columns.AddRange(chunk.Select(l => new PdfColumn(l.DeviceId, 95, true)));
            var rows = new List<IReadOnlyList<string>>();
            void Row(string name, Func<LoggerAssessment, string> value) => rows.Add([name, .. chunk.Select(value)]);
            Row("Verdict", l => GxpFormat.Name(l.Verdict));
            Row("Readings (distinct)", l => l.ReadingCount.ToString());
            Row("Expected readings", l => l.ExpectedCount.ToString());
            Row("Completeness %", l => GxpFormat.Percent(l.CompletenessPercent));
            Row("Duplicates averaged", l => l.DuplicateCount.ToString());
            Row("First reading", l => GxpFormat.Time(l.FirstReading));
            Row("Last reading", l => GxpFormat.Time(l.LastReading));
            Row("Min °C", l => Opt(l.MinCelsius));
            Row("Min at", l => l.MinAt is { } t ? GxpFormat.Time(t) : "—");
            Row("Max °C", l => Opt(l.MaxCelsius));
            Row("Max at", l => l.MaxAt is { } t ? GxpFormat.Time(t) : "—");
            Row("Mean °C (time-weighted)", l => Opt(l.MeanCelsius));
            Row("MKT °C", l => l.MktCelsius is { } m ? GxpFormat.Celsius(m) : "not applicable");
            if (chunk.Any(l => l.MktWindowMax is not null))
                Row("Max MKT over window °C", l => l.MktWindowMax is { } w ? GxpFormat.Celsius(w.MktCelsius) : "—");
            Row("Assessed minutes", l => GxpFormat.Minutes(l.AssessedMinutes));
            Row("Gaps (count)", l => l.GapCount.ToString());
            Row("Gap minutes", l => GxpFormat.Minutes(l.GapMinutes));
            for (var z = 0; z < a.Profile.Zones.Count; z++)
            {
                var zone = a.Profile.Zones[z];
                var index = z;
                Row($"{zone.Id} {GxpFormat.Limit(zone.Direction, zone.LimitCelsius)} (min)", l => GxpFormat.Minutes(l.Zones[index].MinutesOutOfRange));
            }
            c.Table(columns, rows);
        }
        foreach (var note in a.Loggers.Where(l => l.MktNote is not null).Select(l => l.MktNote!).Distinct())
            c.Paragraph(note, c.Small, PdfCanvas.Muted);
    }

    static void Excursions(PdfCanvas c, ShipmentAssessment a)
    {
        c.Heading($"Excursions ({a.Excursions.Count})");
        c.Table([new("Logger", 52), new("Zone", 26), new("Start (UTC)", 84), new("End (UTC)", 84), new("Dur. min", 42, true),
                new("Peak °C", 36, true), new("°C·min", 42, true), new("End", 50), new("> delay", 37), new("Leg / custodian", 62)],
            a.Excursions.Select(e => (IReadOnlyList<string>)[e.DeviceId, e.ZoneId, GxpFormat.Time(e.Start), GxpFormat.Time(e.End),
                GxpFormat.Minutes(e.DurationMinutes), GxpFormat.Celsius(e.PeakCelsius), GxpFormat.Minutes(e.DegreeMinutes), e.EndReason,
                e.ExceedsDelay ? "yes" : "no", LegText(e.LegId, e.Custodian)]), "No excursion.");
    }

    static void Alarms(PdfCanvas c, ShipmentAssessment a)
    {
        c.Heading($"Alarms ({a.Alarms.Count})");
        c.Paragraph("Delay in minutes; triggered at = the instant the single or cumulative out-of-range time first exceeded the delay.", c.Small, PdfCanvas.Muted);
        c.Table([new("Logger", 52), new("Zone", 30), new("Type", 60), new("Severity", 38), new("Delay", 38, true),
                new("Triggered at (UTC)", 86), new("Count", 28, true), new("Leg / custodian", 62), new("Detail", 121)],
            a.Alarms.Select(x => (IReadOnlyList<string>)[x.DeviceId, x.ZoneId, x.Type, ProfileJson.Name(x.Severity),
                GxpFormat.Number(x.ThresholdMinutes), GxpFormat.Time(x.TriggeredAt), x.Occurrences.ToString(), LegText(x.LegId, x.Custodian), x.Detail]), "No alarm.");
    }

    static void Gaps(PdfCanvas c, ShipmentAssessment a)
    {
        c.Heading($"Gaps ({a.Gaps.Count})");
        c.Table([new("Logger", 100), new("Start (UTC)", 120), new("End (UTC)", 120), new("Duration min", 80, true)],
            a.Gaps.Select(g => (IReadOnlyList<string>)[g.DeviceId, GxpFormat.Time(g.Start), GxpFormat.Time(g.End), GxpFormat.Minutes(g.DurationMinutes)]),
            "No gap: every reading followed the previous one within twice the logging interval.");
    }

    static void Budget(PdfCanvas c, ShipmentAssessment a)
    {
        if (a.StabilityBudget.Count == 0) return;
        c.Heading("Stability budget");
        c.Paragraph("Minutes. Earlier: consumed by the lot before this record. This record: the logger that consumed most.", c.Small, PdfCanvas.Muted);
        c.Table([new("Band", 36), new("Allowed", 50, true), new("Earlier", 46, true), new("This record", 60, true),
                new("Remaining", 56, true), new("Exceeded", 42), new("Worst logger", 58), new("By leg", 167)],
            a.StabilityBudget.Select(b => (IReadOnlyList<string>)[b.BandId, GxpFormat.Minutes(b.AllowedMinutes), GxpFormat.Minutes(b.PriorMinutes),
                GxpFormat.Minutes(b.ConsumedMinutes), GxpFormat.Minutes(b.RemainingMinutes), b.Exceeded ? "yes" : "no", b.WorstDeviceId ?? "—",
                string.Join("; ", b.ByLeg.Select(l => $"{l.LegId ?? "no leg"} {GxpFormat.Minutes(l.Minutes)}"))]));
    }

    static void Integrity(PdfCanvas c, GxpReport report)
    {
        var a = report.Assessment;
        c.Heading("Data integrity");
        c.KeyValues([("Series SHA-256", a.SeriesSha256), ("Duplicates averaged", a.Loggers.Sum(l => l.DuplicateCount).ToString()),
            ("Gaps", $"{a.Gaps.Count} ({GxpFormat.Minutes(a.Gaps.Sum(g => g.DurationMinutes))} min)"), ("Loggers", a.Loggers.Count.ToString())], 92);
        c.Paragraph(IntegrityStatement.Text);
        if (report.Metadata.History is { } history) History(c, history);
        c.Paragraph("Content SHA-256 covers: " + ReportConventions.HashCovers, c.Small, PdfCanvas.Muted);
        c.Heading("Conventions applied");
        foreach (var convention in ReportConventions.For(a.Profile)) c.Paragraph("• " + convention, c.Small);
    }

    static void History(PdfCanvas c, RecordHistory h)
    {
        c.KeyValues([("Raw messages", h.RawMessageCount.ToString()), ("Raw messages SHA-256", h.RawMessagesSha256)], 92);
        c.Table([new("Version", 40, true), new("Made (UTC)", 90), new("Trigger", 70), new("Late readings", 60, true), new("Reopened", 50, true)],
            h.Versions.Select(v => (IReadOnlyList<string>)[v.Version.ToString(), GxpFormat.Time(v.MadeAt), v.Trigger,
                v.LateData.Count == 0 ? "—" : v.LateData.Sum(l => l.Count).ToString(),
                v.LateData.Count == 0 ? "—" : string.Join(", ", v.LateData.Select(l => l.ReopenedVersion).Distinct().Select(n => $"v{n}"))]));
        // The late data in full, as paragraphs: a table cell would cut it to its width.
        foreach (var v in h.Versions)
            foreach (var l in v.LateData)
                c.Paragraph($"Version {v.Version}: {l.DeviceId}: {l.Count} late reading(s) of {GxpFormat.Time(l.FirstOccurredAt)}–{GxpFormat.Time(l.LastOccurredAt)}, " +
                            $"received {GxpFormat.Time(l.FirstReceivedAt)}–{GxpFormat.Time(l.LastReceivedAt)}, reopened version {l.ReopenedVersion}.", c.Small);
        c.Paragraph(IntegrityStatement.HistoryText, c.Small, PdfCanvas.Muted);
    }

    /// <summary>
    /// QA's electronic signatures of this version (21 CFR 11.50): printed name, date and time with its zone, meaning, comment
    /// and the content hash each is bound to. Without any, the blank boxes for a disposition.
    /// </summary>
    static void Signatures(PdfCanvas c, GxpReport report)
    {
        c.Heading("QA disposition");
        if (report.Metadata.Signatures is { Count: > 0 } signatures)
        {
            // One block per signature, never cut short: the name, the time and the meaning are what 11.50 asks to show.
            foreach (var s in signatures)
            {
                c.Ensure(40);
                c.Paragraph($"{s.Meaning.ToUpperInvariant()} — {s.PrintedName}", c.Bold);
                c.KeyValues([("Meaning", s.Meaning), ("Printed name", s.PrintedName), ("Date and time", SignedAt(s.SignedAt, report.Metadata.TimeZoneId)),
                    ("Comment", s.Comment ?? "—"),
                    ("Signature", s.Verified ? $"{s.Id}, verified against this version's content hash" : $"{s.Id}: DOES NOT VERIFY against this version")]);
            }
            return;
        }
        c.Ensure(70);
        var half = c.Width / 2;
        foreach (var (label, x) in new[] { ("Reviewed by (name, signature, date/time with zone)", PdfCanvas.Margin), ("Approved by (name, signature, date/time with zone)", PdfCanvas.Margin + half) })
        {
            c.Gfx.DrawRectangle(new XPen(PdfCanvas.Rule, 0.8), x, c.Y, half - 8, 56);
            c.Gfx.DrawString(label, c.Small, new XSolidBrush(PdfCanvas.Muted), new XRect(x + 5, c.Y + 4, half - 16, 10), XStringFormats.TopLeft);
            c.Gfx.DrawString("Disposition:  ☐ release   ☐ quarantine   ☐ reject", c.Small, new XSolidBrush(PdfCanvas.Ink),
                new XRect(x + 5, c.Y + 42, half - 16, 10), XStringFormats.TopLeft);
        }
        c.Y += 62;
    }

    /// <summary>"2026-06-01 12:00:00 UTC (+00:00)", then the shipper's local time and zone when one is set.</summary>
    static string SignedAt(Instant at, string? zoneId)
    {
        var utc = $"{InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss").Format(at)} UTC (+00:00)";
        if (zoneId is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not { } zone) return utc;
        var local = at.InZone(zone);
        return $"{utc} = {LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss").Format(local.LocalDateTime)} {zoneId} ({local.Offset})";
    }

    static string LegText(string? legId, string? custodian) => legId is null ? "—" : custodian is null ? legId : $"{legId} / {custodian}";

    static string Opt(double? celsius) => celsius is { } v ? GxpFormat.Celsius(v) : "—";
}
