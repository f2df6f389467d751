using System.Net;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using static Logistics.Host.Tests.Support.Carrier;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_carrier_events_name_a_shipments_container(HostFixture host)
{
    HttpClient Shipper => host.Tenant.Clients[Role.Shipper];
    HttpClient Integrator => host.Tenant.Clients[Role.Integrator];
    HttpClient Viewer => host.Tenant.Clients[Role.Viewer];

    async Task<byte[]> IngestAsync(string container, params Move[] moves) => await IngestAsync(Dcsa(container, moves));

    async Task<byte[]> IngestAsync(byte[] body)
    {
        var id = await HostFixture.PostAsync(Integrator, "dcsa-tnt", body);
        Assert.Equal("translated", (await host.WaitProcessedAsync(id)).GetProperty("status").GetString());
        return body;
    }

    async Task<string> RegisterAsync(string container, string? from = null, string? to = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["reference"] = "PO-" + container,
            ["refs"] = new[] { new { scheme = "container", value = container } },
            ["profile"] = "col-2-8",
            ["from"] = from,
            ["to"] = to,
        };
        var created = await Shipper.PostJsonAsync("/shipments", body, HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    async Task<List<(string Code, string Classifier, string At, string EventId)>> TimelineAsync(string shipmentId)
    {
        var page = await Viewer.GetJsonAsync($"/shipments/{shipmentId}/timeline");
        return page.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "milestone")
            .Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("classifier").GetString()!, e.GetProperty("at").GetString()!,
                e.GetProperty("eventId").GetString()!)).ToList();
    }

    [Fact]
    public async Task events_from_before_registration_are_attached_on_registration_and_later_ones_follow_each_exactly_once()
    {
        var c = NewContainer();
        // Before the shipment exists: parked under the container, never dropped.
        var first = await IngestAsync(c, new Move("GTIN", "ACT", Utc(2026, 5, 1, 8)), new Move("LOAD", "ACT", Utc(2026, 5, 2, 9)));

        var shipment = await RegisterAsync(c);
        Assert.Equal(["GATE_IN", "LOADED"], (await TimelineAsync(shipment)).Select(e => e.Code));

        // After registration: a new event, an estimate, and the first message delivered again (a redelivery).
        await IngestAsync(c, new Move("DISC", "ACT", Utc(2026, 5, 9, 6)), new Move("DROP", "EST", Utc(2026, 5, 11, 12)));
        await IngestAsync(first);
        var timeline = await TimelineAsync(shipment);
        Assert.Equal(["GATE_IN", "LOADED", "UNLOADED", "DELIVERED"], timeline.Select(e => e.Code));
        Assert.Equal(timeline.Count, timeline.Select(e => e.EventId).Distinct().Count());

        // The estimate is an ETA, never the milestone having happened.
        var summary = await Viewer.GetJsonAsync($"/shipments/{shipment}");
        Assert.Equal("in-transit", summary.GetProperty("status").GetString());
        Assert.Equal("UNLOADED", summary.GetProperty("latestMilestone").GetProperty("code").GetString());
        Assert.Equal("2026-05-11T12:00:00Z", summary.GetProperty("eta").GetProperty("at").GetString());
        Assert.Equal("EST", summary.GetProperty("eta").GetProperty("classifier").GetString());
        Assert.Equal("milestone", summary.GetProperty("location").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("reportVersion").ValueKind);

        await IngestAsync(c, new Move("DROP", "ACT", Utc(2026, 5, 11, 10), "DEHAM"));
        summary = await Viewer.GetJsonAsync($"/shipments/{shipment}");
        Assert.Equal("delivered", summary.GetProperty("status").GetString());
        Assert.Equal("DELIVERED", summary.GetProperty("latestMilestone").GetProperty("code").GetString());
        Assert.Equal("DEHAM", summary.GetProperty("location").GetProperty("unlocode").GetString());

        var listed = await Viewer.GetJsonAsync($"/shipments?ref=container:{c}");
        Assert.Equal([shipment], listed.GetProperty("items").Strings("id"));
        Assert.Equal([shipment], (await Viewer.GetJsonAsync($"/shipments?ref=container:{c}&status=delivered")).GetProperty("items").Strings("id"));
        Assert.Empty((await Viewer.GetJsonAsync($"/shipments?ref=container:{c}&status=planned")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task a_container_reused_by_a_later_shipment_splits_at_the_delivery_and_the_later_window()
    {
        var c = NewContainer();
        var first = await RegisterAsync(c);
        // Trip 1: an estimated drop-off (does not close the window), then the actual one on Jan 10.
        await IngestAsync(c, new Move("GTIN", "ACT", Utc(2026, 1, 1)), new Move("DROP", "EST", Utc(2026, 1, 5)),
            new Move("LOAD", "ACT", Utc(2026, 1, 6)), new Move("DROP", "ACT", Utc(2026, 1, 10)));
        // Between the trips: after trip 1's delivery and before trip 2's window: belongs to neither.
        await IngestAsync(c, new Move("GTOT", "ACT", Utc(2026, 1, 15)));
        // Trip 2 events arrive BEFORE the second shipment is registered.
        await IngestAsync(c, new Move("GTIN", "ACT", Utc(2026, 2, 1)), new Move("LOAD", "ACT", Utc(2026, 2, 2)));
        var second = await RegisterAsync(c, from: "2026-01-20T00:00:00Z");

        var one = await TimelineAsync(first);
        var two = await TimelineAsync(second);
        Assert.Equal(["2026-01-01T00:00:00Z", "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z", "2026-01-10T00:00:00Z"], one.Select(e => e.At));
        Assert.Equal(["GATE_IN", "LOADED"], two.Select(e => e.Code));
        Assert.Equal(["2026-02-01T00:00:00Z", "2026-02-02T00:00:00Z"], two.Select(e => e.At));
        Assert.Empty(one.Select(e => e.EventId).Intersect(two.Select(e => e.EventId)));
        Assert.Equal("delivered", (await Viewer.GetJsonAsync($"/shipments/{first}")).GetProperty("status").GetString());
        Assert.Equal("in-transit", (await Viewer.GetJsonAsync($"/shipments/{second}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task overlapping_windows_go_to_the_latest_start_and_equal_starts_to_the_earliest_registered()
    {
        var c = NewContainer();
        await IngestAsync(c, new Move("GTIN", "ACT", Utc(2026, 3, 1)), new Move("LOAD", "ACT", Utc(2026, 3, 12)));
        var early = await RegisterAsync(c, from: "2026-02-01T00:00:00Z");
        var twin = await RegisterAsync(c, from: "2026-02-01T00:00:00Z");
        var late = await RegisterAsync(c, from: "2026-03-10T00:00:00Z");
        Assert.Equal(["GATE_IN"], (await TimelineAsync(early)).Select(e => e.Code));
        Assert.Empty(await TimelineAsync(twin));
        Assert.Equal(["LOADED"], (await TimelineAsync(late)).Select(e => e.Code));
    }

    [Fact]
    public async Task a_bad_registration_is_a_400_problem_naming_where()
    {
        async Task<string> WhereAsync(object body)
        {
            using var response = await Shipper.PostAsync("/shipments", JsonContent(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (await response.ReadJsonAsync()).GetProperty("where").GetString()!;
        }
        Assert.Equal("reference", await WhereAsync(new { profile = "col-2-8" }));
        Assert.Equal("refs[0].scheme", await WhereAsync(new { reference = "x", refs = new[] { new { scheme = "teleport", value = "1" } }, profile = "col-2-8" }));
        Assert.Equal("profile", await WhereAsync(new { reference = "x", profile = "no-such-profile" }));
        Assert.StartsWith("profile $.zones", await WhereAsync(new { reference = "x", profile = new { name = "p", loggingIntervalMinutes = 10, zones = Array.Empty<object>() } }));
        Assert.Equal("from", await WhereAsync(new { reference = "x", profile = "col-2-8", from = "yesterday" }));
        Assert.Equal("to", await WhereAsync(new { reference = "x", profile = "col-2-8", from = "2026-01-02T00:00:00Z", to = "2026-01-01T00:00:00Z" }));
    }

    static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
