using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_the_broker_is_down_during_intake(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task requests_are_still_accepted_and_events_appear_after_it_restarts()
    {
        const int count = 20;
        var devEui = Uplinks.NewDevEui();
        var t0 = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = new List<Guid>();
        var unconfirmed = 0;

        LocalServices.Stop("rabbitmq");
        try
        {
            for (var i = 0; i < count; i++)
            {
                using var response = await host.Http.PostAsync("/ingest/tts-v3?codec=cayenne-lpp",
                    new ByteArrayContent(Uplinks.CayenneTemperature(devEui, t0.AddMinutes(i), 2.0 + i / 10.0, fCnt: i)));
                Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
                var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
                ids.Add(accepted.GetProperty("rawMessageId").GetGuid());
                if (!accepted.GetProperty("published").GetBoolean()) unconfirmed++;
            }
            // Everything accepted is durable before the broker comes back.
            Assert.Equal(count, await host.ScalarAsync("select count(*) from {schema}.raw_messages where id = any($1)", ids.ToArray()));
        }
        finally
        {
            LocalServices.Start("rabbitmq");
        }

        var restarted = DateTime.UtcNow;
        foreach (var id in ids)
            Assert.Equal("translated", (await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(120))).GetProperty("status").GetString());
        var stored = await host.ScalarAsync("select count(*) from {schema}.mt_events where stream_id = $1", $"device:devEui:{devEui}");

        var ledger = new Ledger(Sent: count, Accepted: ids.Count, Rejected: 0, EventsStored: stored, UniqueKeys: count,
            DuplicatesSuppressed: 0, FaultsInjected: 1, TimeToDrain: DateTime.UtcNow - restarted);
        ledger.Report(output, nameof(requests_are_still_accepted_and_events_appear_after_it_restarts));
        output.WriteLine($"publishes not confirmed while the broker was down: {unconfirmed}");

        Assert.Equal(count, unconfirmed);
        Assert.Equal(0, ledger.Missing);
        Assert.Equal(0, ledger.Extra);
    }
}
