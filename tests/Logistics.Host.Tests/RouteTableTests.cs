using System.Net;
using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

/// <summary>
/// Tests generated from the host's route table (every mapped endpoint, read from <see cref="EndpointDataSource"/>):
/// each declares its roles, each role gets its allowed status or 403, no key or a revoked one 401, and tenant B's keys of
/// every role never reach tenant A's resources nor can tell them from absent ones (GUARANTEES G6).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class The_route_table(HostFixture host, ITestOutputHelper output)
{
    IReadOnlyList<(string Key, RouteEndpoint Endpoint)> Mapped() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => ($"{m} {e.RoutePattern.RawText}", e)))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();

    IReadOnlyList<RouteCase> Cases()
    {
        var mapped = Mapped().Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var known = RouteCases.All.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        Assert.True(mapped.SetEquals(known),
            $"route table and RouteCases differ. Mapped without a case: [{string.Join(", ", mapped.Except(known))}]; cases without a route: [{string.Join(", ", known.Except(mapped))}]");
        return RouteCases.All;
    }

    Task<TestTenant> ShareTargetAsync() => host.SharedAsync("tenant:C", () => host.CreateTenantAsync("share target " + host.RunId));

    [Fact]
    public void every_route_declares_its_roles_or_is_anonymous_on_purpose()
    {
        Cases();
        foreach (var (key, endpoint) in Mapped())
        {
            var anonymous = endpoint.Metadata.GetMetadata<AnonymousAccess>() is not null;
            var roles = endpoint.Metadata.GetMetadata<AllowedRoles>();
            Assert.True(anonymous ^ roles is not null, $"{key}: declares {(anonymous ? "anonymous and roles" : "neither roles nor anonymity")}");
            Assert.Equal(anonymous, RouteCases.All.Single(c => c.Key == key).Kind == RouteKind.Anonymous);
            if (anonymous) Assert.Contains(key, new[] { "GET /health", "GET /openapi/{documentName}.json" });
        }
    }

    [Fact]
    public async Task every_route_gives_each_role_its_allowed_status_or_403_and_no_key_or_a_revoked_key_401()
    {
        var world = await TenantWorld.OfAsync(host);
        var target = (await ShareTargetAsync()).Id;
        var endpoints = Mapped().ToDictionary(r => r.Key, r => r.Endpoint);
        var revoked = await host.Tenant.Clients[Role.Admin].PostJsonAsync("/api-keys", new { name = "revoked", role = "admin" }, HttpStatusCode.Created);
        using (var delete = await host.Tenant.Clients[Role.Admin].DeleteAsync($"/api-keys/{revoked.GetProperty("id").GetString()}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var refused = new Dictionary<string, HttpClient>
        {
            ["no key"] = host.Anonymous,
            ["revoked key"] = host.Client(revoked.GetProperty("key").GetString()),
            ["unknown key"] = host.Client(AccessIds.NewApiKey()),
        };
        var failures = new List<string>();
        var requests = 0;
        foreach (var route in Cases())
        {
            var allowed = endpoints[route.Key].Metadata.GetMetadata<AllowedRoles>();
            foreach (var role in Roles.All)
            {
                var admits = allowed is null || allowed.Admits(role);
                var context = new CallContext(host, world.Tenant, role, world.Ids, Fresh: admits) { ShareTarget = target };
                using var request = await route.Build(context);
                using var response = await world.Tenant.Clients[role].SendAsync(request);
                requests++;
                var want = admits ? route.Success : HttpStatusCode.Forbidden;
                if (response.StatusCode != want)
                    failures.Add($"{route.Key} as {role.Name()}: {(int)response.StatusCode}, expected {(int)want}: {await response.Content.ReadAsStringAsync()}");
            }
            foreach (var (what, client) in refused)
            {
                using var request = await route.Build(new CallContext(host, world.Tenant, Role.Viewer, world.Ids, Fresh: false) { ShareTarget = target });
                using var response = await client.SendAsync(request);
                requests++;
                var want = allowed is null ? route.Success : HttpStatusCode.Unauthorized;
                if (response.StatusCode != want) failures.Add($"{route.Key} with {what}: {(int)response.StatusCode}, expected {(int)want}");
                if (want == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{route.Key} with {what}: 401 is not problem+json");
            }
        }
        output.WriteLine($"role matrix: routes={RouteCases.All.Count} roles={Roles.All.Count} requests={requests} failures={failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task tenant_B_with_every_role_never_gets_2xx_on_tenant_A_and_cannot_tell_A_s_ids_from_absent_ones()
    {
        var world = await TenantWorld.OfAsync(host);
        var target = (await ShareTargetAsync()).Id;
        var b = host.Other;
        var absent = Ids.Absent();
        var names = world.Ids.All.Concat(absent.All).ToList();
        var failures = new List<string>();
        int cases = 0, crossTenant2xx = 0, leaks = 0;

        foreach (var route in Cases().Where(r => r.Kind != RouteKind.Anonymous))
        {
            foreach (var role in Roles.All)
            {
                using var toA = await route.Build(new CallContext(host, b, role, world.Ids, Fresh: false) { ShareTarget = target });
                using var toNone = await route.Build(new CallContext(host, b, role, absent, Fresh: false) { ShareTarget = target });
                using var a = await b.Clients[role].SendAsync(toA);
                using var none = await b.Clients[role].SendAsync(toNone);
                cases += 2;
                var aText = await RouteCases.NormalisedAsync(a, names);
                var noneText = await RouteCases.NormalisedAsync(none, names);
                // A's data must not show; the names B itself sent (echoed in a 404's title) are blanked first.
                if (world.Markers.FirstOrDefault(m => (aText + noneText).Contains(m, StringComparison.OrdinalIgnoreCase)) is { } marker)
                {
                    leaks++;
                    failures.Add($"{route.Key} as B {role.Name()}: response shows tenant A's '{marker}'");
                }
                if (route.Kind == RouteKind.Foreign && a.IsSuccessStatusCode)
                {
                    crossTenant2xx++;
                    failures.Add($"{RouteCases.Describe(toA)} as B {role.Name()}: {(int)a.StatusCode} on tenant A's resource");
                }
                // "Exists elsewhere" and "does not exist" must look the same: same status, same body (ids blanked).
                var comparable = route.Kind == RouteKind.Foreign || route.Method == "GET" || !a.IsSuccessStatusCode;
                if (comparable ? aText != noneText : a.StatusCode != none.StatusCode)
                    failures.Add($"{route.Key} as B {role.Name()}: A's id answers\n  {aText}\nbut an absent id answers\n  {noneText}");
            }
        }

        // Nothing B did changed A: A's device profile, spare key and shipment are as they were.
        var profile = await world.Tenant.Clients[Role.Viewer].GetJsonAsync($"/devices/{world.Ids.Device}/profile");
        Assert.Equal(TenantWorld.ProfileCodec, profile.GetProperty("codec").GetString());
        var keys = await world.Tenant.Clients[Role.Admin].GetJsonAsync("/api-keys");
        Assert.Contains(keys.GetProperty("items").EnumerateArray(), k => k.GetProperty("id").GetString() == world.Ids.KeyId
                                                                         && k.GetProperty("revokedAt").ValueKind == System.Text.Json.JsonValueKind.Null);
        using (var stillHidden = await b.Clients[Role.Viewer].GetAsync($"/shipments/{world.Ids.ShipmentId}"))
            Assert.Equal(HttpStatusCode.NotFound, stillHidden.StatusCode);

        var routes = Cases().Count(r => r.Kind != RouteKind.Anonymous);
        output.WriteLine($"LEDGER G6 route-table-isolation: routes={routes} roles={Roles.All.Count} cases={cases} crossTenant2xx={crossTenant2xx} " +
                         $"leaks={leaks} distinguishable={failures.Count - crossTenant2xx - leaks}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
