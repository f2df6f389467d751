using System.Net;
using System.Net.Http.Json;
using System.Text;
using Logistics.Access;

namespace Logistics.Host.Tests.Support;

/// <summary>How a route relates to tenants, for the isolation test.</summary>
public enum RouteKind
{
    /// <summary>Names a resource by id (raw message, shipment, key, device…): another tenant's must look exactly like none.</summary>
    Foreign,
    /// <summary>Acts in the caller's own tenant (lists, registrations, intake, its own device profiles): it must never show another's data.</summary>
    Own,
    /// <summary>Health and the OpenAPI document.</summary>
    Anonymous,
}

/// <summary>What a request is built from: the names to use, who calls, and whether a fresh resource is needed (role matrix).</summary>
public sealed record CallContext(HostFixture Host, TestTenant Caller, Role Role, Ids Ids, bool Fresh)
{
    /// <summary>A third tenant to share with, so a share made by the role matrix never opens A's data to B.</summary>
    public string ShareTarget { get; init; } = "";
}

/// <summary>One mapped route: how to call it and what an allowed caller gets.</summary>
public sealed record RouteCase(string Method, string Pattern, RouteKind Kind, HttpStatusCode Success, Func<CallContext, Task<HttpRequestMessage>> Build)
{
    public string Key => $"{Method} {Pattern}";
}

/// <summary>
/// A request for every route the host maps, keyed by "METHOD pattern" exactly as the route table spells it. The route
/// table tests fail when a mapped route has no case here, so a new route cannot escape the role and isolation checks.
/// </summary>
public static class RouteCases
{
    static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    static HttpRequestMessage Send(HttpMethod method, string url, object? body) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    static async Task<Guid> FreshQuarantinedAsync(CallContext c)
    {
        var id = await HostFixture.PostAsync(c.Caller.Clients[Role.Integrator], "tts-v3", "{\"broken\": "u8.ToArray());
        await c.Host.WaitProcessedAsync(id, client: c.Caller.Clients[Role.Admin]);
        return id;
    }

    static async Task<string> FreshOpenWindowAsync(CallContext c)
    {
        var device = "devEui:" + Uplinks.NewDevEui();
        await c.Caller.Clients[Role.Admin].PostJsonAsync($"/shipments/{c.Ids.ShipmentId}/devices", new { device, from = "2026-09-01T00:00:00Z" }, HttpStatusCode.Created);
        return device;
    }

    public const string SigningPassword = "a long signing password";

    /// <summary>A signature by the calling role's own user on the newest version of A's shipment (its password set first).</summary>
    static async Task<HttpRequestMessage> SignatureAsync(CallContext c)
    {
        var version = 1;
        if (c.Fresh)
        {
            var client = c.Caller.Clients[c.Role];
            using (var put = await client.PutAsJsonAsync($"/users/{c.Role.Name()}@{c.Caller.Id}.example/signing-password", new { password = SigningPassword }))
                Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
            using var report = await client.GetAsync($"/shipments/{c.Ids.ShipmentId}/report");
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            version = int.Parse(report.Headers.GetValues("X-Report-Version").Single(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return Send(HttpMethod.Post, $"/shipments/{c.Ids.ShipmentId}/reports/{version}/signatures",
            new { meaning = "reviewed", password = SigningPassword, comment = "route matrix" });
    }

    static MultipartFormDataContent LoggerFile() => new()
    {
        { new StringContent("time,celsius\n2026-01-01T00:00:00Z,5.0\n2026-01-01T00:10:00Z,5.2\n"), "readings", "readings.csv" },
        { new StringContent("builtin:col-2-8"), "profile" },
    };

    public static readonly IReadOnlyList<RouteCase> All =
    [
        new("GET", "/openapi/{documentName}.json", RouteKind.Anonymous, HttpStatusCode.OK, _ => Task.FromResult(Get("/openapi/v1.json"))),
        new("GET", "/health", RouteKind.Anonymous, HttpStatusCode.OK, _ => Task.FromResult(Get("/health"))),

        new("POST", "/api-keys/", RouteKind.Own, HttpStatusCode.Created,
            c => Task.FromResult(Send(HttpMethod.Post, "/api-keys", new { name = "matrix", role = "viewer" }))),
        new("GET", "/api-keys/", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/api-keys"))),
        new("DELETE", "/api-keys/{id}", RouteKind.Foreign, HttpStatusCode.NoContent, async c =>
        {
            var id = c.Fresh
                ? (await c.Caller.Clients[Role.Admin].PostJsonAsync("/api-keys", new { name = "to-revoke", role = "viewer" }, HttpStatusCode.Created)).GetProperty("id").GetString()
                : c.Ids.KeyId;
            return Send(HttpMethod.Delete, $"/api-keys/{id}", null);
        }),
        new("PUT", "/users/{email}/signing-password", RouteKind.Foreign, HttpStatusCode.NoContent, c =>
            Task.FromResult(Send(HttpMethod.Put, $"/users/{(c.Fresh ? $"{c.Role.Name()}@{c.Caller.Id}.example" : c.Ids.Email)}/signing-password",
                new { password = "a long signing password" }))),

        new("GET", "/me", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/me"))),

        new("POST", "/ingest/{adapterId}", RouteKind.Own, HttpStatusCode.Accepted, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post,
            "/ingest/tts-v3?codec=cayenne-lpp") { Content = new ByteArrayContent(Uplinks.CayenneTemperature(Uplinks.NewDevEui(), DateTimeOffset.UtcNow, 4)) })),
        new("GET", "/raw/{id:guid}", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/raw/{c.Ids.RawId}"))),

        new("GET", "/quarantine/", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/quarantine?limit=1000"))),
        new("GET", "/quarantine/{id:guid}", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/quarantine/{c.Ids.QuarantineId}"))),
        new("GET", "/quarantine/{id:guid}/body", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/quarantine/{c.Ids.QuarantineId}/body"))),
        new("POST", "/quarantine/{id:guid}/replay", RouteKind.Foreign, HttpStatusCode.Accepted, async c =>
            Send(HttpMethod.Post, $"/quarantine/{(c.Fresh ? await FreshQuarantinedAsync(c) : c.Ids.QuarantineId)}/replay", null)),

        new("GET", "/devices/{id}/readings", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/devices/{c.Ids.Device}/readings"))),
        new("GET", "/devices/{id}/profile", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/devices/{c.Ids.Device}/profile"))),
        // A device name is in each tenant's own namespace: setting it is the caller's own profile (the test checks A's is unchanged).
        new("PUT", "/devices/{id}/profile", RouteKind.Own, HttpStatusCode.OK, c =>
            Task.FromResult(Send(HttpMethod.Put, $"/devices/{c.Ids.Device}/profile", new { codec = c.Fresh ? TenantWorld.ProfileCodec : "milesight" }))),
        new("GET", "/assets/{id}/location", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/assets/{c.Ids.Device}/location"))),
        new("GET", "/assets", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/assets?bbox=-180,-90,180,90&limit=10000"))),
        new("GET", "/assets/{id}/track", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/assets/{c.Ids.Device}/track"))),
        new("GET", "/shipments/{id}/track", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/shipments/{c.Ids.ShipmentId}/track"))),
        // follow=false: replay what came after Last-Event-ID, then end (a stream that never ends cannot be compared).
        new("GET", "/locations/stream", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/locations/stream?shipment={c.Ids.ShipmentId}&follow=false"))),

        new("GET", "/carriers", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/carriers?mode=air"))),
        new("GET", "/events/recent", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/events/recent?limit=1000"))),
        new("GET", "/references/{reference}/events", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/references/{c.Ids.Container}/events"))),

        new("GET", "/shipments/", RouteKind.Own, HttpStatusCode.OK, c => Task.FromResult(Get($"/shipments?ref={c.Ids.Container}"))),
        // After the list probe: B registering A's container must get none of A's events (checked by the markers).
        new("POST", "/shipments/", RouteKind.Own, HttpStatusCode.Created, c => Task.FromResult(Send(HttpMethod.Post, "/shipments",
            new { reference = "PO-probe", refs = new[] { new { scheme = "container", value = c.Ids.Container["container:".Length..] } }, profile = "col-2-8" }))),
        new("GET", "/shipments/{id}", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/shipments/{c.Ids.ShipmentId}"))),
        new("GET", "/shipments/{id}/timeline", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/shipments/{c.Ids.ShipmentId}/timeline"))),
        new("GET", "/shipments/{id}/readings", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/shipments/{c.Ids.ShipmentId}/readings"))),
        new("POST", "/shipments/{id}/devices", RouteKind.Foreign, HttpStatusCode.Created, c => Task.FromResult(Send(HttpMethod.Post,
            $"/shipments/{c.Ids.ShipmentId}/devices", new { device = "devEui:" + Uplinks.NewDevEui(), from = "2026-09-01T00:00:00Z" }))),
        new("POST", "/shipments/{id}/devices/{device}/end", RouteKind.Foreign, HttpStatusCode.OK, async c => Send(HttpMethod.Post,
            $"/shipments/{c.Ids.ShipmentId}/devices/{(c.Fresh ? await FreshOpenWindowAsync(c) : c.Ids.Device)}/end", new { at = "2026-12-31T00:00:00Z" })),
        new("POST", "/shipments/{id}/shares", RouteKind.Foreign, HttpStatusCode.Created, c => Task.FromResult(Send(HttpMethod.Post,
            $"/shipments/{c.Ids.ShipmentId}/shares", new { tenantId = c.ShareTarget }))),

        new("POST", "/geofences/", RouteKind.Own, HttpStatusCode.Created, _ => Task.FromResult(Send(HttpMethod.Post, "/geofences",
            new { name = "matrix", center = new { lat = -45.0, lon = -101.0 }, radiusM = 100 }))),
        new("GET", "/retention/", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/retention"))),
        // The defaults: the role matrix must not shorten tenant A's retention (other tests keep their data).
        new("PUT", "/retention/", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Send(HttpMethod.Put, "/retention",
            new { rawMessageDays = 1827, quarantineDays = 1827, readModelDays = 1827 }))),
        new("POST", "/retention/purge", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Send(HttpMethod.Post, "/retention/purge", null))),
        new("PUT", "/shipments/{id}/legal-hold", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Send(HttpMethod.Put,
            $"/shipments/{c.Ids.ShipmentId}/legal-hold", new { reason = "route matrix" }))),
        new("DELETE", "/shipments/{id}/legal-hold", RouteKind.Foreign, HttpStatusCode.NoContent, async c =>
        {
            if (c.Fresh) await c.Caller.Clients[Role.Admin].PutJsonAsync($"/shipments/{c.Ids.ShipmentId}/legal-hold", new { reason = "to release" }, HttpStatusCode.OK);
            return Send(HttpMethod.Delete, $"/shipments/{c.Ids.ShipmentId}/legal-hold", null);
        }),
        new("GET", "/geofences/", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/geofences"))),
        new("GET", "/geofences/{id}", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/geofences/{c.Ids.GeofenceId}"))),
        new("DELETE", "/geofences/{id}", RouteKind.Foreign, HttpStatusCode.NoContent, async c => Send(HttpMethod.Delete,
            $"/geofences/{(c.Fresh ? (await c.Caller.Clients[Role.Admin].PostJsonAsync("/geofences", new { name = "to-delete", center = new { lat = -45.0, lon = -101.0 }, radiusM = 100 }, HttpStatusCode.Created)).GetProperty("id").GetString() : c.Ids.GeofenceId)}", null)),

        new("POST", "/webhooks/", RouteKind.Own, HttpStatusCode.Created, _ => Task.FromResult(Send(HttpMethod.Post, "/webhooks",
            new { url = "http://127.0.0.1:9/matrix", events = new[] { "geofence" } }))),
        new("GET", "/webhooks/", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/webhooks"))),
        new("GET", "/webhooks/{id}", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/webhooks/{c.Ids.WebhookId}"))),
        new("DELETE", "/webhooks/{id}", RouteKind.Foreign, HttpStatusCode.NoContent, async c => Send(HttpMethod.Delete,
            $"/webhooks/{(c.Fresh ? (await c.Caller.Clients[Role.Admin].PostJsonAsync("/webhooks", new { url = "http://127.0.0.1:9/gone", events = new[] { "alarm" } }, HttpStatusCode.Created)).GetProperty("id").GetString() : c.Ids.WebhookId)}", null)),
        new("POST", "/webhooks/{id}/enable", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Send(HttpMethod.Post, $"/webhooks/{c.Ids.WebhookId}/enable", null))),
        new("GET", "/webhooks/{id}/deliveries", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/webhooks/{c.Ids.WebhookId}/deliveries"))),
        new("POST", "/webhooks/{id}/deliveries/{deliveryId}/replay", RouteKind.Foreign, HttpStatusCode.Accepted, c => Task.FromResult(Send(HttpMethod.Post,
            $"/webhooks/{c.Ids.WebhookId}/deliveries/{c.Ids.DeliveryId}/replay", null))),

        new("POST", "/reports/logger-file", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post,
            "/reports/logger-file?format=json") { Content = LoggerFile() })),

        new("GET", "/shipments/{id}/report", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/shipments/{c.Ids.ShipmentId}/report?format=json"))),
        new("GET", "/shipments/{id}/reports", RouteKind.Foreign, HttpStatusCode.OK, c => Task.FromResult(Get($"/shipments/{c.Ids.ShipmentId}/reports"))),
        new("POST", "/shipments/{id}/reports/{version}/signatures", RouteKind.Foreign, HttpStatusCode.Created, SignatureAsync),
        // One stable entry (the tenant's creation): two calls in a row answer the same, whatever the chain gains meanwhile.
        new("GET", "/audit", RouteKind.Own, HttpStatusCode.OK, c => Task.FromResult(Get($"/audit?target=tenant:{c.Caller.Id}"))),

        new("GET", "/polling/cursors", RouteKind.Own, HttpStatusCode.OK, _ => Task.FromResult(Get("/polling/cursors"))),
    ];

    /// <summary>The response as a comparable text: status, and the body with the given names and the trace id blanked.</summary>
    public static async Task<string> NormalisedAsync(HttpResponseMessage response, IEnumerable<string> names)
    {
        var body = await response.Content.ReadAsStringAsync();
        body = System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"-\"");
        foreach (var n in names.OrderByDescending(n => n.Length)) body = body.Replace(n, "{name}", StringComparison.OrdinalIgnoreCase);
        return $"{(int)response.StatusCode} {body}";
    }

    public static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri}";

    public static readonly Encoding Utf8 = Encoding.UTF8;
}
