using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>
/// The kit checked against itself: a conforming folder passes, and each deliberately broken adapter or sample is
/// reported by the check that should catch it, with an explanation naming the event and the field.
/// </summary>
public sealed class ConformanceKitTests
{
    /// <summary>Accepts any object with an eventId: isolates these tests from the real contract's evolution.</summary>
    static readonly CanonicalSchema PermissiveSchema = CanonicalSchema.FromText("""{"type":"object","required":["eventId"]}""");

    static AdapterReport Run(IAdapter adapter, SampleFolder folder, CanonicalSchema? schema = null) =>
        new ConformanceKit(schema: schema ?? PermissiveSchema).CheckSamplesIn(adapter, folder.Path, "Fake");

    static IEnumerable<Finding> AllFailures(AdapterReport r) => r.Failures.Concat(r.Samples.SelectMany(s => s.Failures));

    [Fact]
    public void conforming_folder_passes_every_check()
    {
        using var folder = SampleFolder.Conforming();
        var report = Run(new FakeAdapter(), folder);
        Assert.True(report.Passed, ReportText.Render(report));
        Assert.Equal(3, report.TranslationSamples);
        Assert.Equal(1, report.RejectionSamples);
    }

    [Fact]
    public void without_the_schema_every_translation_sample_fails_with_schema_not_embedded()
    {
        using var folder = SampleFolder.Conforming();
        var report = Run(new FakeAdapter(), folder, CanonicalSchema.Missing);
        Assert.False(report.Passed);
        Assert.All(report.Samples.Where(s => s.Kind == SampleKind.Translation),
            s => Assert.Contains(s.Failures, f => f.Check == Checks.Schema && f.Message.Contains("schema not embedded", StringComparison.Ordinal)));
    }

    [Fact]
    public void schema_violation_names_the_event_and_the_instance_location()
    {
        using var folder = SampleFolder.Conforming();
        var onlyPositions = CanonicalSchema.FromText("""{"type":"object","properties":{"kind":{"const":"position"}}}""");
        var report = Run(new FakeAdapter(), folder, onlyPositions);
        var finding = Assert.Single(report.Samples.Single(s => s.Name == "arrived.txt").Failures);
        Assert.Equal(Checks.Schema, finding.Check);
        Assert.Contains("event 1", finding.Message, StringComparison.Ordinal);
        Assert.Contains("/kind", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_changed_expected_field_is_explained_with_event_path_expected_and_actual()
    {
        using var folder = SampleFolder.Conforming();
        var expected = folder.Read("two.txt.expected.ndjson").Split('\n');
        expected[1] = expected[1].Replace("\"code\":\"DEPARTED\"", "\"code\":\"ARRIVED\"", StringComparison.Ordinal);
        folder.Write("two.txt.expected.ndjson", string.Join('\n', expected));

        var sample = Run(new FakeAdapter(), folder).Samples.Single(s => s.Name == "two.txt");

        var diff = Assert.Single(sample.Failures, f => f.Check == Checks.ExpectedOutput);
        Assert.Contains("event 2 (milestone DEPARTED", diff.Message, StringComparison.Ordinal);
        Assert.Contains("$.milestone.code: expected \"ARRIVED\", got \"DEPARTED\"", diff.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void missing_and_extra_events_are_named()
    {
        using var folder = SampleFolder.Conforming();
        var two = folder.Read("two.txt.expected.ndjson");
        folder.Write("two.txt.expected.ndjson", two.Split('\n')[0] + "\n");
        folder.Write("arrived.txt.expected.ndjson", folder.Read("arrived.txt.expected.ndjson") + two.Split('\n')[1] + "\n");

        var report = Run(new FakeAdapter(), folder);

        Assert.Contains(report.Samples.Single(s => s.Name == "two.txt").Failures,
            f => f.Message.StartsWith("event 2: extra", StringComparison.Ordinal));
        Assert.Contains(report.Samples.Single(s => s.Name == "arrived.txt").Failures,
            f => f.Message.StartsWith("event 2: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void same_json_in_different_text_fails_and_says_so()
    {
        using var folder = SampleFolder.Conforming();
        folder.Write("arrived.txt.expected.ndjson", folder.Read("arrived.txt.expected.ndjson").Replace(",\"kind\"", ", \"kind\"", StringComparison.Ordinal));

        var sample = Run(new FakeAdapter(), folder).Samples.Single(s => s.Name == "arrived.txt");

        var diff = Assert.Single(sample.Failures);
        Assert.Contains("same JSON, different text", diff.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_out_of_range_latitude_is_an_invariant_failure_even_when_expected_output_agrees()
    {
        var adapter = new FakeAdapter();
        using var folder = SampleFolder.Conforming().Sample("bad-lat.txt", "MSKU1234565 DEPARTED 2025-12-31T10:00:00Z 91.5 4.1\n", adapter);

        var sample = Run(adapter, folder).Samples.Single(s => s.Name == "bad-lat.txt");

        var finding = Assert.Single(sample.Failures);
        Assert.Equal(Checks.Invariant, finding.Check);
        Assert.Contains("location.lat: 91.5 outside", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_id_not_derived_from_the_natural_key_is_reported()
    {
        var adapter = new FakeAdapter { Tamper = (e, _) => e with { EventId = "00000000-0000-0000-0000-000000000001" } };
        using var folder = SampleFolder.Conforming();
        folder.Sample("arrived.txt", "MSKU1234565 ARRIVED 2025-12-31T20:00:00Z\n", adapter);

        var sample = Run(adapter, folder).Samples.Single(s => s.Name == "arrived.txt");

        Assert.Contains(sample.Failures, f => f.Check == Checks.Invariant && f.Message.Contains("is not derived from the natural key", StringComparison.Ordinal));
    }

    [Fact]
    public void output_that_changes_between_two_translations_fails_determinism()
    {
        var adapter = new FakeAdapter { Tamper = (e, call) => (e with { OccurredAt = e.OccurredAt + Duration.FromSeconds(call) }).WithDerivedId() };
        using var folder = SampleFolder.Conforming();

        var sample = Run(adapter, folder).Samples.Single(s => s.Name == "arrived.txt");

        Assert.Contains(sample.Failures, f => f.Check == Checks.Determinism && f.Message.StartsWith("event 1: id ", StringComparison.Ordinal));
    }

    [Fact]
    public void two_events_with_one_id_in_a_sample_are_reported()
    {
        var adapter = new FakeAdapter();
        using var folder = SampleFolder.Conforming()
            .Sample("twice.txt", "MSKU1234565 ARRIVED 2025-12-31T20:00:00Z\nMSKU1234565 ARRIVED 2025-12-31T20:00:00Z\n", adapter);

        var sample = Run(adapter, folder).Samples.Single(s => s.Name == "twice.txt");

        Assert.Contains(sample.Failures, f => f.Message.Contains("events 1 and 2 share id", StringComparison.Ordinal));
    }

    [Fact]
    public void an_adapter_that_throws_fails_translation_and_rejection_samples_as_faults()
    {
        using var folder = SampleFolder.Conforming();
        var report = Run(new FakeAdapter { Throws = true }, folder);

        Assert.All(report.Samples, s => Assert.False(s.Passed));
        Assert.Contains(report.Samples.Single(s => s.Name == "arrived.txt").Failures,
            f => f.Check == Checks.Translation && f.Message.Contains("the adapter threw", StringComparison.Ordinal));
        Assert.Contains(report.Samples.Single(s => s.Name == "rejects/garbage.txt").Failures,
            f => f.Check == Checks.Rejection && f.Message.Contains("threw instead of rejecting", StringComparison.Ordinal));
    }

    [Fact]
    public void a_rejection_must_contain_the_expected_substring_and_a_position()
    {
        using var folder = SampleFolder.Conforming().Reject("other.txt", "x", "expected something else");
        var report = Run(new FakeAdapter { RejectionPosition = "" }, folder);

        Assert.Contains(report.Samples.Single(s => s.Name == "rejects/other.txt").Failures,
            f => f.Message.Contains("does not contain the expected \"expected something else\"", StringComparison.Ordinal));
        Assert.Contains(report.Samples.Single(s => s.Name == "rejects/garbage.txt").Failures,
            f => f.Message.StartsWith("rejection without a position", StringComparison.Ordinal));
    }

    [Fact]
    public void a_rejection_sample_that_translates_fails()
    {
        using var folder = SampleFolder.Conforming().Reject("fine.txt", "MSKU1234565 ARRIVED 2025-12-31T20:00:00Z\n", "expected");

        var sample = Run(new FakeAdapter(), folder).Samples.Single(s => s.Name == "rejects/fine.txt");

        Assert.Contains(sample.Failures, f => f.Message == "translated into 1 event(s) instead of being rejected");
    }

    [Fact]
    public void fewer_than_three_samples_or_no_rejection_sample_fails_the_adapter()
    {
        using var folder = SampleFolder.Conforming();
        folder.Delete("two.txt");
        folder.Delete("two.txt.expected.ndjson");
        folder.Delete("two.txt.source.txt");
        folder.Delete("rejects/garbage.txt");
        folder.Delete("rejects/garbage.txt.expected-rejection.txt");

        var report = Run(new FakeAdapter(), folder);

        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Message.StartsWith("2 translation sample(s); every adapter needs at least 3", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.Message.StartsWith("0 rejection sample(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void layout_mistakes_are_reported_not_skipped()
    {
        using var folder = SampleFolder.Conforming();
        folder.Delete("arrived.txt.expected.ndjson");
        folder.Delete("departed.txt.source.txt");
        folder.Write("renamed.json.expected.ndjson", "");

        var report = Run(new FakeAdapter(), folder);

        Assert.Contains(report.Failures, f => f.Message == "arrived.txt: no arrived.txt.expected.ndjson beside it");
        Assert.Contains(report.Failures, f => f.Message.StartsWith("departed.txt: no departed.txt.source.txt", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.Message.StartsWith("renamed.json.expected.ndjson: its input renamed.json does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void the_context_file_sets_received_at_and_an_unknown_codec_is_reported()
    {
        using var folder = SampleFolder.Conforming();
        folder.Write("arrived.txt.context.json", """{"receivedAt": "2026-02-01T00:00:00Z", "codec": "no-such-codec"}""");

        var sample = Run(new FakeAdapter(), folder).Samples.Single(s => s.Name == "arrived.txt");

        Assert.Contains(sample.Failures, f => f.Check == Checks.Layout && f.Message.Contains("codec 'no-such-codec'", StringComparison.Ordinal));
        // The expected file was written with the default receivedAt, so the context's one shows as a field difference.
        Assert.Contains(sample.Failures, f => f.Message.Contains("$.receivedAt: expected \"2026-01-01T00:00:00Z\", got \"2026-02-01T00:00:00Z\"", StringComparison.Ordinal));
    }

    [Fact]
    public void the_kit_looks_for_the_folder_the_id_names_and_reports_it_missing()
    {
        var report = new ConformanceKit(schema: PermissiveSchema).Check(new Logistics.Testing.Outside.OutsideAdapter());
        Assert.Equal("Outside", report.Folder);
        Assert.Contains(report.Failures, f => f.Message.StartsWith("no Outside/Samples/ folder", StringComparison.Ordinal));
    }

    [Fact]
    public void the_text_rendering_marks_failures_and_explains_them()
    {
        using var folder = SampleFolder.Conforming();
        folder.Write("arrived.txt.expected.ndjson", folder.Read("arrived.txt.expected.ndjson").Replace("ARRIVED", "DELIVERED", StringComparison.Ordinal));

        var text = ReportText.Render(Run(new FakeAdapter(), folder));

        Assert.StartsWith("FAIL fake", text, StringComparison.Ordinal);
        Assert.Contains("  FAIL arrived.txt\n", text, StringComparison.Ordinal);
        Assert.Contains("expected-output: event 1 (milestone ARRIVED", text, StringComparison.Ordinal);
        Assert.Contains("  ok   departed.txt (1 event)", text, StringComparison.Ordinal);
    }
}
