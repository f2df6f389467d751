using System.Diagnostics.Metrics;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// What the recovery machinery did, counted: re-sends of stored messages, re-drives of stuck ones and translate endpoint restarts.
/// Exposed as .NET metrics (meter "Logistics.Host", readable with dotnet-counters) and in <c>GET /health</c>.
/// </summary>
public sealed class ReliabilityCounters : IDisposable
{
    public const string MeterName = "Logistics.Host";
    readonly Meter _meter;
    long _republished, _redriven, _republishFailures, _endpointRestarts, _busRestarts;

    public ReliabilityCounters(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableCounter("logistics.republisher.republished", () => Republished, description: "stored messages sent again because their first send was not confirmed");
        _meter.CreateObservableCounter("logistics.republisher.redriven", () => Redriven, description: "published messages sent again because they stayed untranslated");
        _meter.CreateObservableCounter("logistics.republisher.failures", () => RepublishFailures, description: "re-sends the broker did not confirm");
        _meter.CreateObservableCounter("logistics.consumers.bus_restarts", () => BusRestarts, description: "bus restarts by the consumer supervisor");
        _meter.CreateObservableCounter("logistics.consumers.endpoint_restarts", () => EndpointRestarts, description: "translate endpoint restarts by the consumer supervisor");
    }

    public long Republished => Interlocked.Read(ref _republished);
    public long Redriven => Interlocked.Read(ref _redriven);
    public long RepublishFailures => Interlocked.Read(ref _republishFailures);
    public long EndpointRestarts => Interlocked.Read(ref _endpointRestarts);
    public long BusRestarts => Interlocked.Read(ref _busRestarts);

    public void CountRepublished(int n) => Interlocked.Add(ref _republished, n);
    public void CountRedriven(int n) => Interlocked.Add(ref _redriven, n);
    public void CountRepublishFailure() => Interlocked.Increment(ref _republishFailures);
    public void CountEndpointRestart() => Interlocked.Increment(ref _endpointRestarts);
    public void CountBusRestart() => Interlocked.Increment(ref _busRestarts);

    public void Dispose() => _meter.Dispose();
}
