using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_an_adapter_rejects_a_message(HostFixture host)
{
    [Fact]
    public async Task it_is_quarantined_with_the_reason_then_replayed_after_the_cause_is_fixed()
    {
        // An uplink from a device whose payload codec nobody configured: the adapter cannot decode it.
        var devEui = Uplinks.NewDevEui();
        var id = await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero), 7.5));

        var raw = await host.WaitProcessedAsync(id);
        Assert.Equal("quarantined", raw.GetProperty("status").GetString());
        Assert.Contains("codec", raw.GetProperty("reason").GetString());

        var list = await host.Http.GetFromJsonAsync<JsonElement>("/quarantine?adapter=tts-v3");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Contains("frm_payload", item.GetProperty("reason").GetString());

        // The fix: the device's profile names its codec. Then the same raw message is translated again.
        using (var put = await host.Http.PutAsJsonAsync($"/devices/devEui:{devEui}/profile", new { codec = "cayenne-lpp" }))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using (var replay = await host.Http.PostAsync($"/quarantine/{id}/replay", null))
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);

        raw = await host.WaitProcessedAsync(id);
        Assert.Equal("translated", raw.GetProperty("status").GetString());
        var readings = await host.Http.GetFromJsonAsync<JsonElement>($"/devices/{devEui}/readings");
        Assert.Equal(7.5, readings.GetProperty("readings")[0].GetProperty("value").GetDouble(), 6);
        Assert.Equal(1, await host.ScalarAsync("select replays from {schema}.raw_messages where id = $1", id));
    }

    [Fact]
    public async Task garbage_is_quarantined_naming_the_position_and_the_rest_of_the_stream_is_clean()
    {
        var devEui = Uplinks.NewDevEui();
        var good = new List<Guid>();
        var bad = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            if (i % 5 == 2) bad.Add(await host.PostAsync("tts-v3", Encoding.UTF8.GetBytes("{\"end_device_ids\": [1,2,"), codec: "cayenne-lpp"));
            good.Add(await host.PostAsync("tts-v3",
                Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 4, 2, 0, i, 0, TimeSpan.Zero), 5.0 + i / 10.0, fCnt: i), codec: "cayenne-lpp"));
        }
        foreach (var id in bad)
        {
            var raw = await host.WaitProcessedAsync(id);
            Assert.Equal("quarantined", raw.GetProperty("status").GetString());
            Assert.StartsWith("tts-v3: at ", raw.GetProperty("reason").GetString());
        }
        foreach (var id in good)
            Assert.Equal("translated", (await host.WaitProcessedAsync(id)).GetProperty("status").GetString());
        Assert.Equal(10, await host.ScalarAsync("select count(*) from {schema}.mt_events where stream_id = $1", $"device:devEui:{devEui}"));
    }

    [Fact]
    public async Task replaying_an_unknown_message_is_a_404_problem()
    {
        using var response = await host.Http.PostAsync($"/quarantine/{Guid.NewGuid()}/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
