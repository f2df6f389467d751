using System.Diagnostics;
using Logistics.Contracts;
using MassTransit;
using MassTransit.Logging;

namespace Logistics.Host.Telemetry;

/// <summary>
/// The span of one translate batch. MassTransit runs a batch consumer outside the span of any one message it collected,
/// so its work would start a trace of its own (MassTransit#3568). This span continues the trace of the batch's first
/// message (read from the <c>MT-Activity-Id</c> header MassTransit sends) and links every message's trace, as the
/// OpenTelemetry messaging conventions do for batch receives: a message posted alone is one trace from intake to append.
/// </summary>
public static class BatchTrace
{
    public static Activity? Start(Batch<RawMessageReceived> batch)
    {
        var contexts = batch
            .Select(m => ActivityContext.TryParse(m.Headers.Get<string>(DiagnosticHeaders.ActivityId), null, out var c) ? c : default)
            .Where(c => c != default)
            .Distinct()
            .ToList();
        var parent = contexts.Count > 0 ? contexts[0] : Activity.Current?.Context ?? default;
        var activity = LogisticsTelemetry.Source.StartActivity("translate batch", ActivityKind.Consumer, parent,
            links: contexts.Skip(1).Select(c => new ActivityLink(c)));
        activity?.SetTag("messaging.batch.message_count", batch.Length);
        return activity;
    }
}
