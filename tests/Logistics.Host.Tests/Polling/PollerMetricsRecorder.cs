using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Logistics.Host.Telemetry;

namespace Logistics.Host.Tests.Polling;

/// <summary>
/// The poller instruments of one host (a listener on its own <see cref="IMeterFactory"/>'s meters: other hosts of the test
/// run share the process and the meter names): requests counted by carrier and outcome, and the budget gauges when read.
/// </summary>
public sealed class PollerMetricsRecorder : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentDictionary<(string Carrier, string Outcome), long> _requests = new();
    readonly ConcurrentDictionary<(string Instrument, string Carrier), long> _gauges = new();

    public PollerMetricsRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == LogisticsTelemetry.MeterName && instrument.Name.StartsWith("logistics.poller.", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string carrier = "", outcome = "";
            foreach (var t in tags)
            {
                if (t.Key == "carrier") carrier = (string)t.Value!;
                if (t.Key == "outcome") outcome = (string)t.Value!;
            }
            if (instrument.Name == "logistics.poller.requests") _requests.AddOrUpdate((carrier, outcome), value, (_, v) => v + value);
            else _gauges[(instrument.Name, carrier)] = value;
        });
        _listener.Start();
    }

    public long Requests(string carrier, string? outcome = null) =>
        _requests.Where(r => r.Key.Carrier == carrier && (outcome is null || r.Key.Outcome == outcome)).Sum(r => r.Value);

    public long TotalRequests => _requests.Values.Sum();

    /// <summary>The budget gauges as they read now, by carrier.</summary>
    public IReadOnlyDictionary<string, (long Remaining, long Limit)> Budgets()
    {
        _gauges.Clear();
        _listener.RecordObservableInstruments();
        return _gauges.Keys.Select(k => k.Carrier).Distinct().ToDictionary(c => c,
            c => (_gauges.GetValueOrDefault(("logistics.poller.budget.remaining", c), -1), _gauges.GetValueOrDefault(("logistics.poller.budget.limit", c), -1)));
    }

    public void Dispose() => _listener.Dispose();
}
