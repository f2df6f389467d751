using System.Net;
using Logistics.Access;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests.WebConsole;

/// <summary>What the console needs from the host: its files served to anyone, the API still keyed, /me, and raw quarantined bodies.</summary>
[Collection(HostCollection.Name)]
public sealed class The_host_for_the_web_console(HostFixture host)
{
    [Fact]
    public async Task serves_the_built_console_without_a_key_while_the_API_beside_it_still_answers_401()
    {
        using var index = await host.Anonymous.GetAsync("/console/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        var html = await index.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/console/assets/[^\"]+\\.js)\"");
        Assert.True(script.Success, $"index.html names its bundle: {html}");
        using var bundle = await host.Anonymous.GetAsync(script.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);

        using var api = await host.Anonymous.GetAsync("/shipments");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        // Only files that exist are anonymous: any other path goes on to the API, which wants a key.
        using var missing = await host.Anonymous.GetAsync("/console/no-such-file.js");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task me_names_the_key_s_own_tenant_role_and_user()
    {
        var b = host.Other;
        var me = await b.Clients[Role.Qa].GetJsonAsync("/me");
        Assert.Equal(b.Id, me.GetProperty("tenantId").GetString());
        Assert.Equal("tenant B " + host.RunId, me.GetProperty("tenantName").GetString());
        Assert.Equal("qa", me.GetProperty("role").GetString());
        Assert.Equal($"qa@{b.Id}.example", me.GetProperty("user").GetString());
        using var anonymous = await host.Anonymous.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task gives_a_quarantined_message_s_raw_bytes_exactly_to_its_own_tenant_only()
    {
        var body = "{\"uplink_message\": \u00e9 not json"u8.ToArray();
        var id = await HostFixture.PostAsync(host.Tenant.Clients[Role.Integrator], "tts-v3", body);
        Assert.Equal("quarantined", (await host.WaitProcessedAsync(id)).GetProperty("status").GetString());
        using var raw = await host.Tenant.Clients[Role.Integrator].GetAsync($"/quarantine/{id}/body");
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(body, await raw.Content.ReadAsByteArrayAsync());
        using var foreign = await host.Other.Clients[Role.Integrator].GetAsync($"/quarantine/{id}/body");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
