using System.Diagnostics;

namespace Logistics.Host.Telemetry;

/// <summary>
/// The host's own trace source and meter names. Spans of the translate path come from <see cref="Source"/>; the
/// instruments are in <see cref="HostMetrics"/> and <see cref="PollerBudgets"/> (docs/operations.md lists every name).
/// </summary>
public static class LogisticsTelemetry
{
    public const string SourceName = "Logistics.Host";
    public const string MeterName = "Logistics";

    public static readonly ActivitySource Source = new(SourceName);
}
