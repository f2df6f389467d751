using System.Net;
using System.Net.Http.Json;
using Logistics.Access;

namespace Logistics.Host.Tests.Support;

/// <summary>The names a route can be given: an opaque id or a name in a tenant's namespace, for each kind of resource.</summary>
public sealed record Ids(Guid RawId, Guid QuarantineId, string Device, string Container, string ShipmentId, string KeyId, string Email,
    string GeofenceId = "", string WebhookId = "", string DeliveryId = "")
{
    public IEnumerable<string> All => [RawId.ToString(), QuarantineId.ToString(), Device, Container, ShipmentId, KeyId, Email, GeofenceId, WebhookId, DeliveryId];

    /// <summary>Names of resources that exist nowhere.</summary>
    public static Ids Absent() => new(Guid.NewGuid(), Guid.NewGuid(), "devEui:" + Uplinks.NewDevEui(), "container:" + Carrier.NewContainer(),
        "shp_" + Guid.NewGuid().ToString("N")[..16], "key_" + Guid.NewGuid().ToString("N")[..16], $"nobody-{Guid.NewGuid():N}@example.com",
        "gf_" + Guid.NewGuid().ToString("N")[..16], "wh_" + Guid.NewGuid().ToString("N")[..16], "whd_" + Guid.NewGuid().ToString("N")[..16]);
}

/// <summary>
/// Tenant A's resources of every kind, made through the API: a translated raw message, a quarantined one, a device with
/// readings, a position and a profile, a container with milestones, a shipment with that device attached, a spare key.
/// <see cref="Markers"/> are strings only A's data contains (its opaque ids and its canonical event ids).
/// </summary>
public sealed record TenantWorld(TestTenant Tenant, Ids Ids, IReadOnlyList<string> Markers)
{
    public const string ProfileCodec = "cayenne-lpp";

    public static Task<TenantWorld> OfAsync(HostFixture host) => host.SharedAsync("world:A", () => MakeAsync(host, host.Tenant));

    static async Task<TenantWorld> MakeAsync(HostFixture host, TestTenant tenant)
    {
        var integrator = tenant.Clients[Role.Integrator];
        var admin = tenant.Clients[Role.Admin];
        var devEui = Uplinks.NewDevEui();
        var device = $"devEui:{devEui}";
        var container = Carrier.NewContainer();

        using (var put = await admin.PutAsJsonAsync($"/devices/{device}/profile", new { codec = ProfileCodec })) Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var raw = await HostFixture.PostAsync(integrator, "tts-v3", Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), 5.5, (48.1, 11.5)));
        var milestones = await HostFixture.PostAsync(integrator, "dcsa-tnt", Carrier.Dcsa(container,
            new Carrier.Move("GTIN", "ACT", Carrier.Utc(2026, 10, 1)), new Carrier.Move("LOAD", "ACT", Carrier.Utc(2026, 10, 2))));
        var quarantined = await HostFixture.PostAsync(integrator, "tts-v3", "{\"end_device_ids\": ["u8.ToArray());
        foreach (var id in new[] { raw, milestones, quarantined }) await host.WaitProcessedAsync(id);

        // A webhook (to a receiver that stays up for the fixture) that gets the shipment's milestones on registration, and a geofence.
        var receiver = await host.SharedAsync("receiver", Receiver.StartAsync);
        var webhook = (await tenant.Clients[Role.Shipper].PostJsonAsync("/webhooks", new { url = receiver.Url("/world"), events = new[] { "milestone" } },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var geofence = (await tenant.Clients[Role.Shipper].PostJsonAsync("/geofences", new { name = "world", center = new { lat = -45.0, lon = -100.0 }, radiusM = 50 },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var shipment = (await tenant.Clients[Role.Shipper].PostJsonAsync("/shipments",
            new { reference = "PO-A", refs = new[] { new { scheme = "container", value = container } }, profile = "col-2-8" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{shipment}/devices", new { device, from = "2026-09-30T00:00:00Z" }, HttpStatusCode.Created);
        var key = await admin.PostJsonAsync("/api-keys", new { name = "spare", role = "viewer" }, HttpStatusCode.Created);

        var eventIds = (await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}/timeline")).GetProperty("entries").Strings("eventId")
            .Concat((await tenant.Clients[Role.Viewer].GetJsonAsync($"/devices/{device}/readings")).GetProperty("readings").Strings("eventId"))
            .ToList();
        Assert.True(eventIds.Count >= 4, "tenant A's world has its milestones, attachment and reading");
        string? delivery = null;
        await HostFixture.WaitUntilAsync(async () =>
        {
            var log = (await tenant.Clients[Role.Viewer].GetJsonAsync($"/webhooks/{webhook}/deliveries")).GetProperty("items");
            delivery = log.GetArrayLength() > 0 ? log[0].GetProperty("id").GetString() : null;
            return delivery is not null;
        }, TimeSpan.FromSeconds(60), "a webhook delivery of the world's milestones");
        var ids = new Ids(raw, quarantined, device, $"container:{container}", shipment, key.GetProperty("id").GetString()!, $"viewer@{tenant.Id}.example",
            geofence, webhook, delivery!);
        return new TenantWorld(tenant, ids, [raw.ToString(), quarantined.ToString(), shipment, ids.KeyId, tenant.Id, geofence, webhook, delivery!, .. eventIds]);
    }
}
