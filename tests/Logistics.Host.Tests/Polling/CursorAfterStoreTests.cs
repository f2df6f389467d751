using System.Net.Http.Json;
using System.Text.Json;
using Logistics.FakeCarrier;
using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using Logistics.Host.Polling;
using Logistics.Host.Polling.Carriers;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Refit;

namespace Logistics.Host.Tests.Polling;

/// <summary>
/// The cursor advances only after the raw response is stored: a poll whose raw-inbox write PostgreSQL refuses (the
/// writer aimed at a schema that does not exist) leaves the subscription's cursor where it was and stores nothing; the
/// same poll through the host's own intake path then stores the pages and moves the cursor to the last message.
/// </summary>
[Collection(PollingHostFixture.Collection)]
public sealed class CursorAfterStoreTests(PollingHostFixture host)
{
    [Fact]
    public async Task A_response_the_raw_inbox_refuses_does_not_move_the_cursor()
    {
        var subscription = new PollSubscription
        {
            Id = "idp-store-fails", Tenant = host.Tenant.Id, Carrier = "orbcomm-idp", StartUtc = DateTimeOffset.UtcNow.AddMinutes(-5),
        };
        var services = host.Services;
        var cursors = services.GetRequiredService<PollCursors>();
        var budgets = services.GetRequiredService<CarrierBudgets>();
        // A fake gateway of its own, without faults: this test is about the store, and leaves the G9 schedule alone.
        await using var gateway = await FakeCarrierApp.StartAsync(new FakeCarrierOptions());
        var api = RestService.ForGenerated<IIdpMessagesApi>(new HttpClient { BaseAddress = gateway.BaseUrl });
        _ = gateway.World;
        await Task.Delay(PollingHostFixture.Options.IdpArriveEvery * 3);   // a few messages arrive

        var broken = new RawInboxWriter(host.Db, new HostSettings { Schema = "no_such_schema_" + host.RunId }, NullLogger<RawInboxWriter>.Instance);
        await broken.StartAsync(default);
        try
        {
            var failing = new IdpPoller(api, budgets, new PolledResponses(broken, services.GetRequiredService<IntakePublisher>(), cursors, SystemClock.Instance),
                cursors, SystemClock.Instance);
            Assert.True((await cursors.TryLeaseAsync(subscription, default)).Leased);
            await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => failing.PollAsync(subscription, null, default));
        }
        finally
        {
            await broken.StopAsync(default);
        }
        Assert.Null(await CursorAsync(subscription.Id));

        var working = new IdpPoller(api, budgets, services.GetRequiredService<PolledResponses>(), cursors, SystemClock.Instance);
        await working.PollAsync(subscription, (await cursors.TryLeaseAsync(subscription, default)).Cursor, default);
        var cursor = await CursorAsync(subscription.Id);
        Assert.NotNull(cursor);
        var fromId = JsonDocument.Parse(cursor.Value.GetProperty("cursor").GetString()!).RootElement.GetProperty("FromId").GetInt64();
        Assert.InRange(fromId, 5002, 5000 + new FakeCarrierOptions().IdpMessages - 1);
        Assert.True(cursor.Value.GetProperty("advances").GetInt64() >= 1);
        Assert.True(await host.ScalarAsync("select count(*) from {schema}.raw_messages where tenant_id = $1 and headers->>'x-poll-subscription' = $2",
            host.Tenant.Id, subscription.Id) >= 1);
        await cursors.ReleaseAsync(subscription, default);
    }

    async Task<JsonElement?> CursorAsync(string subscription)
    {
        var list = await host.Http.GetFromJsonAsync<JsonElement>("/polling/cursors");
        foreach (var c in list.GetProperty("items").EnumerateArray())
            if (c.GetProperty("subscription").GetString() == subscription)
                return c.GetProperty("cursor").ValueKind == JsonValueKind.Null ? null : c;
        return null;
    }
}
