using System.Diagnostics;
using System.Text;
using Logistics.Access;
using Logistics.Host.Telemetry;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Telemetry;

/// <summary>Traces, metrics and logs of the real host on the real services (docs/operations.md).</summary>
[Collection(HostCollection.Name)]
public sealed class The_host_s_telemetry(HostFixture host, ITestOutputHelper output)
{
    static readonly ActivitySource TestSource = new("Logistics.Host.Tests");

    [Fact]
    public async Task one_intake_request_is_one_trace_through_the_broker_to_the_marten_append()
    {
        // A first message through the whole path, so the broker topology is declared before the traced one: a send before
        // that is confirmed yet routed nowhere, and is then translated from the re-publisher's send (a trace of its own).
        await host.WaitProcessedAsync(await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(Uplinks.NewDevEui(), DateTimeOffset.UtcNow, 5.0), codec: "cayenne-lpp"));
        using var recorder = new ActivityRecorder(TestSource.Name, "System.Net.Http", "Microsoft.AspNetCore", "MassTransit", "Npgsql", "Marten", LogisticsTelemetry.SourceName);
        Guid id;
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test: post one uplink", ActivityKind.Client))
        {
            Assert.NotNull(root);
            trace = root.TraceId;
            id = await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(Uplinks.NewDevEui(), DateTimeOffset.UtcNow, 5.5), codec: "cayenne-lpp");
        }
        Assert.Equal("translated", (await host.WaitProcessedAsync(id)).GetProperty("status").GetString());

        // The append's command span, then its ancestry up to the test's own root: every hop is a recorded span of this trace.
        Activity? append = null;
        try
        {
            await HostFixture.WaitUntilAsync(() => Task.FromResult((append = recorder.InTrace(trace).FirstOrDefault(IsEventAppend)) is not null),
                TimeSpan.FromSeconds(10), "the Marten append's command span in the intake request's trace");
        }
        finally
        {
            foreach (var a in recorder.InTrace(trace))
                output.WriteLine($"in trace: {a.Source.Name,-22} {a.Kind,-9} {a.DisplayName} {a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")}");
        }
        var spans = recorder.InTrace(trace).ToDictionary(a => a.SpanId);
        var path = new List<Activity>();
        for (var a = append; a is not null; a = a.ParentSpanId == default ? null : spans.GetValueOrDefault(a.ParentSpanId))
            path.Add(a);
        foreach (var a in Enumerable.Reverse(path))
            output.WriteLine($"{a.Source.Name,-22} {a.Kind,-9} {a.DisplayName}");

        Assert.Equal(TestSource.Name, path[^1].Source.Name);   // unbroken up to the root: no hop started a trace of its own
        Assert.Contains(path, a => a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server
                                   && (a.GetTagItem("http.route") as string) == "/ingest/{adapterId}");
        Assert.Contains(path, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer);
        Assert.Contains(path, a => a.Source.Name == LogisticsTelemetry.SourceName && a.DisplayName == "translate batch");
        Assert.Contains(path, a => a.Source.Name == "Marten");
        Assert.Equal("Npgsql", path[0].Source.Name);
    }

    static bool IsEventAppend(Activity a) =>
        a.Source.Name == "Npgsql" && ((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")) as string ?? a.DisplayName)
            .Contains("mt_quick_append_events", StringComparison.Ordinal);

    [Fact]
    public async Task the_prometheus_scrape_shows_the_pipeline_counters_lag_and_poller_budgets()
    {
        // This host's own instruments, through a listener on the meters of this host's IMeterFactory: other hosts of this
        // test run live in the same process under the same meter names, and a scrape of one host's exporter does not
        // reliably show this host's counts while those come and go (a test artefact of several hosts in one process).
        var factory = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == LogisticsTelemetry.MeterName) l.EnableMeasurementEvents(instrument);
        };
        void Count(System.Diagnostics.Metrics.Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var tts = false;
            foreach (var t in tags) tts |= t.Key == "adapter" && (string?)t.Value == "tts-v3";
            var name = instrument.Name + (tts ? "{adapter=tts-v3}" : "");
            counts.AddOrUpdate(name, instrument is System.Diagnostics.Metrics.Histogram<double> ? 1 : value, (_, v) => v + (instrument is System.Diagnostics.Metrics.Histogram<double> ? 1 : value));
        }
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Count(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Count(i, v, tags));
        listener.Start();

        var good = await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(Uplinks.NewDevEui(), DateTimeOffset.UtcNow, 4.0, (50.0, 8.0)), codec: "cayenne-lpp");
        var bad = await host.PostAsync("tts-v3", "{\"not\": \"an uplink\"}"u8.ToArray());
        await host.WaitProcessedAsync(good);
        await host.WaitProcessedAsync(bad);
        double Of(string name) => counts.GetValueOrDefault(name);
        Assert.True(Of("logistics.intake.accepted{adapter=tts-v3}") >= 2, $"accepted {Of("logistics.intake.accepted{adapter=tts-v3}")}");
        Assert.True(Of("logistics.translate.translated{adapter=tts-v3}") >= 1);
        Assert.True(Of("logistics.translate.quarantined{adapter=tts-v3}") >= 1);
        Assert.True(Of("logistics.events.appended") >= 2);
        Assert.True(Of("logistics.translate.lag{adapter=tts-v3}") >= 2);

        // The scrape endpoint serves the pipeline's metrics in Prometheus' text format.
        var after = await ScrapeAsync();
        foreach (var name in new[] { "logistics_intake_accepted_total", "logistics_translate_translated_total", "logistics_translate_quarantined_total",
                     "logistics_events_appended_total", "logistics_translate_lag_seconds_count" })
            Assert.Contains(name, after, StringComparison.Ordinal);

        var carrier = "carrier-" + host.RunId;
        var budgets = host.Services.GetRequiredService<PollerBudgets>();
        budgets.Report(carrier, remaining: 42, limit: 100);
        budgets.Request(carrier, "throttled");
        await Task.Delay(400); // the exporter caches a scrape for 300 ms
        after = await ScrapeAsync();
        Assert.Equal(42, PrometheusText.Sum(after, "logistics_poller_budget_remaining", ("carrier", carrier)));
        Assert.Equal(100, PrometheusText.Sum(after, "logistics_poller_budget_limit", ("carrier", carrier)));
        Assert.Equal(1, PrometheusText.Sum(after, "logistics_poller_requests_total", ("carrier", carrier), ("outcome", "throttled")));
        Assert.DoesNotContain(host.Tenant.Id, after, StringComparison.Ordinal);   // operator data: no tenant labels
    }

    async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync($"http://127.0.0.1:{host.MetricsPort}/metrics");
    }

    [Fact]
    public async Task every_log_line_of_a_message_s_path_names_it_its_adapter_and_tenant_and_none_shows_its_payload_or_the_key()
    {
        var recorder = new LogRecorder();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(recorder);
        var marker = "payload-marker-" + Guid.NewGuid().ToString("N");
        var key = host.Tenant.Keys[Role.Integrator];
        var id = await HostFixture.PostAsync(host.Tenant.Clients[Role.Integrator], "tts-v3", Encoding.UTF8.GetBytes($"{{\"{marker}\": true}}"));
        Assert.Equal("quarantined", (await host.WaitProcessedAsync(id)).GetProperty("status").GetString());

        var ours = recorder.Lines.Where(l => l.Scope.GetValueOrDefault("RawMessageId") == id.ToString()).ToList();
        foreach (var l in ours) output.WriteLine($"{l.Level} {l.Category}: {l.Text} [{string.Join(", ", l.Scope.Select(kv => $"{kv.Key}={kv.Value}"))}]");
        var quarantined = Assert.Single(ours, l => l.Text.StartsWith("quarantined", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, quarantined.Level);
        Assert.Equal("tts-v3", quarantined.Scope["AdapterId"]);
        Assert.Equal(host.Tenant.Id, quarantined.Scope["TenantId"]);
        // Nothing anywhere in the host's log carries the body or the key that posted it.
        Assert.DoesNotContain(recorder.Lines, l => l.Text.Contains(marker, StringComparison.Ordinal) || l.Text.Contains(key, StringComparison.Ordinal)
                                                   || l.Scope.Values.Any(v => v.Contains(marker, StringComparison.Ordinal) || v.Contains(key, StringComparison.Ordinal)));
    }
}
