using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_a_carrier_feed_is_ingested(HostFixture host)
{
    static readonly string Samples = Path.Combine(LocalServices.RepoRoot, "adapters", "Logistics.Adapters", "DcsaTnt", "Samples");

    [Fact]
    public async Task its_milestones_are_served_under_their_reference_in_the_canonical_wire_form()
    {
        var body = await File.ReadAllBytesAsync(Path.Combine(Samples, "tnt-220-response.json"));
        var expected = File.ReadAllLines(Path.Combine(Samples, "tnt-220-response.json.expected.ndjson"))
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var id = await host.PostAsync("dcsa-tnt", body);
        var raw = await host.WaitProcessedAsync(id);
        Assert.Equal("translated", raw.GetProperty("status").GetString());
        Assert.Equal(expected.Count, raw.GetProperty("eventCount").GetInt32());

        // The reference stream holds exactly the events whose first reference is this container, with the same ids
        // and content as the conformance sample (only receivedAt differs: this is a new reception).
        var reference = expected[0].GetProperty("refs")[0];
        var key = $"{reference.GetProperty("scheme").GetString()}:{reference.GetProperty("value").GetString()}";
        var wanted = expected.Where(e => FirstRef(e) == key).ToDictionary(e => e.GetProperty("eventId").GetString()!);
        var served = await host.Http.GetFromJsonAsync<JsonElement>($"/references/{key}/events");
        var servedIds = served.EnumerateArray().Select(e => e.GetProperty("eventId").GetString()!).ToHashSet();
        Assert.Superset(wanted.Keys.ToHashSet(), servedIds);
        foreach (var e in served.EnumerateArray().Where(e => wanted.ContainsKey(e.GetProperty("eventId").GetString()!)))
        {
            var want = wanted[e.GetProperty("eventId").GetString()!];
            Assert.Equal(want.GetProperty("occurredAt").GetString(), e.GetProperty("occurredAt").GetString());
            Assert.Equal(want.GetProperty("milestone").GetRawText(), e.GetProperty("milestone").GetRawText());
            Assert.Equal(want.GetProperty("source").GetRawText(), e.GetProperty("source").GetRawText());
        }

        // Readings arriving after the milestones must not hide them from a kind filter.
        var devEui = Uplinks.NewDevEui();
        var readings = new List<Guid>();
        for (var i = 0; i < 30; i++)
            readings.Add(await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 6, 1, 0, i, 0, TimeSpan.Zero), 5, fCnt: i), codec: "cayenne-lpp"));
        foreach (var r in readings) await host.WaitProcessedAsync(r);
        var recent = await host.Http.GetFromJsonAsync<JsonElement>("/events/recent?kind=milestone&limit=1");
        Assert.Equal("milestone", Assert.Single(recent.EnumerateArray()).GetProperty("kind").GetString());
        var all = await host.Http.GetFromJsonAsync<JsonElement>("/events/recent?limit=5");
        Assert.Equal(5, all.GetArrayLength());
    }

    [Fact]
    public async Task an_unknown_reference_or_a_bad_kind_is_a_problem()
    {
        using var missing = await host.Http.GetAsync("/references/container:ZZZU0000000/events");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badKind = await host.Http.GetAsync("/events/recent?kind=teleport");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal("application/problem+json", badKind.Content.Headers.ContentType?.MediaType);
    }

    static string FirstRef(JsonElement e) =>
        $"{e.GetProperty("refs")[0].GetProperty("scheme").GetString()}:{e.GetProperty("refs")[0].GetProperty("value").GetString()}";
}
