using System.Globalization;
using System.Text;
using NodaTime;

namespace Logistics.Benchmarks;

/// <summary>
/// The benchmark shipment of PERFORMANCE.md: 60 days, 4 loggers, 1-minute readings (345,600 lines less a 90-min gap
/// on T-2); a daily 40-min warm excursion on T-3. Deterministic; same shape as docs/performance-gxp.md's generator.
/// </summary>
public static class GxpShipmentGenerator
{
    public static string Csv(int days = 60, int loggers = 4)
    {
        var start = Instant.FromUtc(2025, 3, 1, 0, 0);
        var text = new StringBuilder(days * 1440 * loggers * 30);
        text.Append("time,celsius,deviceId\n");
        for (var m = 0; m < days * 1440; m++)
        {
            var time = (start + Duration.FromMinutes(m)).ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
            for (var d = 0; d < loggers; d++)
            {
                if (d == 1 && m is >= 20000 and < 20090) continue;
                var v = 5 + 1.5 * Math.Sin(2 * Math.PI * (m + 97 * d) / 1440) + 0.3 * Math.Sin(m / 7.0);
                if (d == 2 && m % 1440 is >= 600 and < 640) v += 4.5;
                text.Append(time).Append(',').Append(v.ToString("0.0", CultureInfo.InvariantCulture)).Append(",T-").Append(d + 1).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The IATA COL profile at the benchmark's 1-minute logging interval.</summary>
    public static string Profile() =>
        Logistics.Gxp.Profiles.StandardProfiles.Json(Logistics.Gxp.Profiles.StandardProfiles.Col2To8)
            .Replace("\"loggingIntervalMinutes\": 10", "\"loggingIntervalMinutes\": 1", StringComparison.Ordinal);
}
