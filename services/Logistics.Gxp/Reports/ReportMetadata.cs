using System.Reflection;
using NodaTime;

namespace Logistics.Gxp.Reports;

/// <summary>
/// What a report says about itself rather than about the data; none of it enters the content hash.
/// <paramref name="GeneratedAt"/> is passed in: the engine never reads a clock.
/// </summary>
/// <param name="GeneratedAt">When the report was generated (UTC instant).</param>
/// <param name="ReportId">Report id; by default derived from the content hash (same data, same id).</param>
/// <param name="Version">Report version: late readings re-open the assessment and make a new version.</param>
/// <param name="Status">draft / under review / approved / rejected.</param>
/// <param name="TimeZoneId">Shipper's IANA zone for the local generation time (e.g. Europe/Zurich), or null.</param>
public sealed record ReportMetadata(Instant GeneratedAt, string? ReportId = null, int Version = 1, string Status = "draft", string? TimeZoneId = null)
{
    /// <summary>Name and version of the software that produced the report.</summary>
    public static string Software { get; } =
        "Logistics.Gxp " + (typeof(ReportMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown");
}
