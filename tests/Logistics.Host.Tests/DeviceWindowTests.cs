using System.Net;
using System.Net.Http.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_a_logger_is_attached_to_a_shipment(HostFixture host)
{
    HttpClient Shipper => host.Tenant.Clients[Role.Shipper];
    HttpClient Viewer => host.Tenant.Clients[Role.Viewer];
    static readonly DateTimeOffset T0 = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    async Task PostReadingsAsync(string devEui, IEnumerable<(int Minute, double Celsius)> readings)
    {
        var ids = new List<Guid>();
        foreach (var (minute, celsius) in readings)
            ids.Add(await HostFixture.PostAsync(host.Tenant.Clients[Role.Integrator], "tts-v3",
                Uplinks.CayenneTemperature(devEui, T0.AddMinutes(minute), celsius, (51.9, 4.4 + minute / 1000.0), fCnt: minute), "cayenne-lpp"));
        foreach (var id in ids) await host.WaitProcessedAsync(id);
    }

    async Task<List<string>> ReadingTimesAsync(string shipment, string query = "")
    {
        var page = await Viewer.GetJsonAsync($"/shipments/{shipment}/readings{query}");
        return page.GetProperty("readings").Strings("occurredAt").ToList();
    }

    static string At(int minute) => T0.AddMinutes(minute).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task only_readings_inside_its_window_count_and_a_window_may_start_in_the_past()
    {
        var devEui = Uplinks.NewDevEui();
        // Stored before anything is attached: 10:00 … 12:00 every 10 minutes, a warm spell 10:50–11:10.
        await PostReadingsAsync(devEui, Enumerable.Range(0, 13).Select(i => (i * 10, i is >= 5 and <= 7 ? 12.5 : 5.0)));

        var shipment = (await Shipper.PostJsonAsync("/shipments", new { reference = "PO-" + devEui, profile = "col-2-8" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        Assert.Empty(await ReadingTimesAsync(shipment));

        // A window opened in the past: readings already stored count from its start on.
        await Shipper.PostJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{devEui.ToLowerInvariant()}", from = At(30), position = "product" },
            HttpStatusCode.Created);
        Assert.Equal(Enumerable.Range(3, 10).Select(i => At(i * 10)), await ReadingTimesAsync(shipment));

        var ended = await Shipper.PostJsonAsync($"/shipments/{shipment}/devices/devEui:{devEui}/end", new { at = At(90) }, HttpStatusCode.OK);
        Assert.Equal(At(90), ended.GetProperty("to").GetString());
        // Before the window (10:00–10:20) and after it (11:30 on) are out; [10:30, 11:30) is in.
        Assert.Equal([At(30), At(40), At(50), At(60), At(70), At(80)], await ReadingTimesAsync(shipment));

        // A late reading inside the window joins it; one after the window does not.
        await PostReadingsAsync(devEui, [(75, 5.5), (95, 5.5)]);
        Assert.Equal([At(30), At(40), At(50), At(60), At(70), At(75), At(80)], await ReadingTimesAsync(shipment));
        Assert.Equal([At(60), At(70)], await ReadingTimesAsync(shipment, $"?from={At(60)}&to={At(75)}&type=temperature"));

        // The live excursion state follows the committed readings on the async daemon: give it a moment.
        System.Text.Json.JsonElement summary = default;
        await HostFixture.WaitUntilAsync(async () =>
            (summary = await Viewer.GetJsonAsync($"/shipments/{shipment}")).GetProperty("excursionState").GetString() != "none",
            TimeSpan.FromSeconds(30), "the live excursion state shows the warm spell");
        Assert.NotNull(summary.GetProperty("verdict").GetString());
        Assert.Equal("device", summary.GetProperty("location").GetProperty("source").GetString());
        Assert.Equal(At(80), summary.GetProperty("location").GetProperty("at").GetString());

        // The device's own readings are untouched by the window.
        var all = await Viewer.GetJsonAsync($"/devices/devEui:{devEui}/readings");
        Assert.Equal(15, all.GetProperty("count").GetInt32());
        var timeline = await Viewer.GetJsonAsync($"/shipments/{shipment}/timeline");
        Assert.Equal(["DEVICE_ATTACHED", "DEVICE_DETACHED"], timeline.GetProperty("entries").Strings("code"));
    }

    [Fact]
    public async Task an_overlapping_window_is_a_409_and_ending_a_closed_one_a_404()
    {
        var devEui = Uplinks.NewDevEui();
        var shipment = (await Shipper.PostJsonAsync("/shipments", new { reference = "PO-" + devEui, profile = "col-2-8" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await Shipper.PostJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{devEui}", from = At(0), to = At(60) }, HttpStatusCode.Created);
        using (var overlap = await Shipper.PostAsJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{devEui}", from = At(30) }))
            Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        using (var notOpen = await Shipper.PostAsJsonAsync($"/shipments/{shipment}/devices/devEui:{devEui}/end", new { at = At(90) }))
            Assert.Equal(HttpStatusCode.NotFound, notOpen.StatusCode);
        using (var bad = await Shipper.PostAsJsonAsync($"/shipments/{shipment}/devices", new { device = "no-scheme" }))
            Assert.Equal("device", (await bad.ReadJsonAsync()).GetProperty("where").GetString());
    }
}
