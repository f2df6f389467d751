using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;

namespace Logistics.Gxp.Reports;

/// <summary>The conventions every report states (GXP.md: "state them in the report"), in the words QA reads.</summary>
public static class ReportConventions
{
    /// <summary>What the content SHA-256 covers.</summary>
    public const string HashCovers =
        "SHA-256 of the canonical JSON (UTF-8, no whitespace, fields in the order of this report) of every field except " +
        "reportId, reportVersion, status, generatedAt, generatedAtLocal, timeZone, software, contentSha256, contentSha256Covers, " +
        "signatures and recordHistory: the same readings, profile and legs always give the same hash, in whatever order the readings arrived.";

    /// <summary>The verdict rule.</summary>
    public const string VerdictRule =
        "alarm if any alarm of severity 'alarm' (alarm dominates incomplete); otherwise incomplete if the record has a gap " +
        "or nothing to assess; otherwise pass. The shipment takes the worst verdict of its loggers.";

    /// <summary>The conventions applied with the given profile.</summary>
    public static IReadOnlyList<string> For(TemperatureProfile profile)
    {
        var interval = GxpFormat.Number(profile.LoggingIntervalMinutes);
        var dh = GxpFormat.Number(profile.Mkt?.ActivationEnergyKJPerMol ?? Mkt.DefaultActivationEnergyKJPerMol);
        return
        [
            $"Sample-and-hold: a reading stands for the time until the next reading. When the next reading comes more than twice the logging interval ({interval} min) later, the reading stands for one interval and the rest is a gap: unknown, counted neither in nor out of range. The last reading stands for one interval.",
            "Limits: 'above L' means value > L and 'below L' means value < L; a reading exactly at the limit is in range.",
            "Excursion: a maximal run of out-of-range readings of one zone. start = first such reading; end = the first reading back in range, or the end of the last out-of-range reading's held time, or the start of a gap (a gap ends an excursion). durationMinutes = end - start; peak = the extreme value; degree-minutes = sum of |value - limit| x held minutes.",
            "Alarms: 'single' - one excursion strictly longer than the delay; triggeredAt = start + delay (delay 0: the first out-of-range reading, at its time); an excursion exactly as long as the delay does not alarm. 'cumulative' - the summed out-of-range time of the zone, never reset, strictly greater than the delay; triggeredAt = the instant the sum first exceeds the delay, which may fall inside an excursion. One alarm per logger and zone: the first trigger; occurrences counts the excursions over the delay.",
            $"Ignore periods: the evaluation starts at the first reading at or after the first reading + {GxpFormat.Number(profile.IgnoreStartMinutes)} min and ends {GxpFormat.Number(profile.IgnoreEndMinutes)} min before the end of the record (held time clipped there). Readings inside ignore periods count for readingCount, expectedCount, completeness and gaps and are charted, but are excluded from min/max, mean, MKT, time out of range, excursions, alarms and the stability budget.",
            $"MKT (Haynes): T = (dH/R) / -ln( sum(w_i * exp(-dH/(R*T_i))) / sum(w_i) ), T_i = value + 273.15 K, dH = {dh} kJ/mol, R = 8.3144 J/(mol K), weights = held time (gaps weigh nothing). Not applicable to frozen profiles (all limits below 0 °C). With an MKT window, the maximum applies to every rolling window of that length.",
            "Mean = time-weighted mean of held values. expectedCount = floor((last - first reading) / interval) + 1; completeness = readingCount / expectedCount, capped at 100 %.",
            "Duplicates: readings of the same logger at the same instant are kept in the raw record, averaged once for the calculation, and counted in duplicateCount; readingCount counts distinct instants. The order of the input does not matter.",
            "Stability budget: time spent in each band (above: limit < value <= to; below: to <= value < limit) by the logger that consumed most, added to the lot's earlier consumption; exceeded when strictly greater than allowed.",
            "Times are UTC instants (ISO-8601, 'Z'). Temperatures in °C and durations in minutes are rounded to 0.01, percentages to 0.1, half away from zero.",
        ];
    }
}
