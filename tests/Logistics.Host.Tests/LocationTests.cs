using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_positions_arrive_out_of_order(HostFixture host)
{
    [Fact]
    public async Task a_late_fix_is_counted_but_never_moves_the_location_backwards()
    {
        var devEui = Uplinks.NewDevEui();
        var t0 = new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero);
        var newer = await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(devEui, t0.AddHours(2), 5.0, (50.1109, 8.6821), fCnt: 2), codec: "cayenne-lpp");
        await host.WaitProcessedAsync(newer);
        // Delivered late: taken an hour before the fix we already have (a satellite burst, a gateway backlog).
        var older = await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(devEui, t0.AddHours(1), 5.0, (51.9225, 4.4792), fCnt: 1), codec: "cayenne-lpp");
        Assert.Equal("translated", (await host.WaitProcessedAsync(older)).GetProperty("status").GetString());

        var location = await host.Http.GetFromJsonAsync<JsonElement>($"/assets/{devEui}/location");
        Assert.Equal(50.1109, location.GetProperty("lat").GetDouble(), 4);
        Assert.Equal("2026-08-01T14:00:00Z", location.GetProperty("occurredAt").GetString());
        Assert.Equal(2, location.GetProperty("fixCount").GetInt32());
        Assert.Equal(1, location.GetProperty("lateFixCount").GetInt32());

        // The late reading itself is kept, in time order.
        var readings = await host.Http.GetFromJsonAsync<JsonElement>($"/devices/{devEui}/readings");
        Assert.Equal(["2026-08-01T13:00:00Z", "2026-08-01T14:00:00Z"],
            readings.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("occurredAt").GetString()));
    }

    [Fact]
    public async Task an_unknown_asset_is_a_404_problem()
    {
        using var response = await host.Http.GetAsync($"/assets/{Uplinks.NewDevEui()}/location");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
