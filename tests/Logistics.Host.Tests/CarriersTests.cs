using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_a_shipper_asks_which_carriers_are_served(HostFixture host)
{
    [Fact]
    public async Task the_catalog_lists_each_carrier_with_its_adapter_inbound_mode_docs_and_claim()
    {
        var all = await host.Http.GetFromJsonAsync<JsonElement>("/carriers");
        Assert.True(all.GetArrayLength() >= 100);
        var maersk = all.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "MAEU");
        Assert.Equal(("Maersk", "ocean", "dcsa-tnt", "poll"),
            (maersk.GetProperty("name").GetString(), maersk.GetProperty("mode").GetString(), maersk.GetProperty("adapter").GetString(), maersk.GetProperty("inbound").GetString()));
        Assert.StartsWith("https://", maersk.GetProperty("docs").GetString(), StringComparison.Ordinal);
        Assert.Contains("DCSA member", maersk.GetProperty("claim").GetString(), StringComparison.Ordinal);
        // USPS is served twice: by its own API mapping and through EasyPost
        Assert.Equal(["usps", "easypost"], all.EnumerateArray().Where(c => c.GetProperty("code").GetString() == "USPS").Select(c => c.GetProperty("adapter").GetString()));
    }

    [Fact]
    public async Task a_mode_filter_keeps_only_that_mode_and_an_unknown_mode_is_a_problem_naming_it()
    {
        var ocean = await host.Http.GetFromJsonAsync<JsonElement>("/carriers?mode=ocean");
        Assert.Equal(10, ocean.GetArrayLength());
        Assert.All(ocean.EnumerateArray(), c => Assert.Equal("ocean", c.GetProperty("mode").GetString()));
        Assert.Empty((await host.Http.GetFromJsonAsync<JsonElement>("/carriers?mode=rail")).EnumerateArray());

        using var bad = await host.Http.GetAsync("/carriers?mode=boat");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mode", problem.GetProperty("where").GetString());
    }

    [Fact]
    public async Task any_valid_key_may_read_the_catalog_and_no_key_may_not()
    {
        using var anonymous = await host.Anonymous.GetAsync("/carriers");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var viewer = await host.Tenant.Clients[Role.Viewer].GetFromJsonAsync<JsonElement>("/carriers?mode=air");
        Assert.Contains(viewer.EnumerateArray(), c => c.GetProperty("adapter").GetString() == "iata-fsu");
    }
}
