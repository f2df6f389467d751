using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_PostgreSQL_is_down_during_intake(HostFixture host)
{
    [Fact]
    public async Task a_message_that_cannot_be_stored_is_refused_with_503_and_intake_recovers()
    {
        var devEui = Uplinks.NewDevEui();
        LocalServices.Stop("postgres");
        try
        {
            using var refused = await host.Http.PostAsync("/ingest/tts-v3?codec=cayenne-lpp",
                new ByteArrayContent(Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), 4.0)));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        finally
        {
            LocalServices.Start("postgres");
        }

        // The pool reconnects: the sender's retry is accepted and translated.
        Guid id = default;
        await HostFixture.WaitUntilAsync(async () =>
        {
            using var retry = await host.Http.PostAsync("/ingest/tts-v3?codec=cayenne-lpp",
                new ByteArrayContent(Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), 4.0)));
            if (retry.StatusCode != HttpStatusCode.Accepted) return false;
            id = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rawMessageId").GetGuid();
            return true;
        }, TimeSpan.FromSeconds(60), "intake accepting again after PostgreSQL restarted");
        Assert.Equal("translated", (await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
    }
}
