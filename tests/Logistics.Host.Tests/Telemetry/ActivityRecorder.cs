using System.Collections.Concurrent;
using System.Diagnostics;

namespace Logistics.Host.Tests.Telemetry;

/// <summary>Records every finished span of the named sources in this process (the real host runs in it).</summary>
public sealed class ActivityRecorder : IDisposable
{
    readonly ActivityListener _listener;
    readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => sources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public IReadOnlyList<Activity> InTrace(ActivityTraceId trace) => Stopped.Where(a => a.TraceId == trace).ToList();

    public void Dispose() => _listener.Dispose();
}
