using System.Text;
using Logistics.Host.Infrastructure;
using Logistics.Host.Polling;
using Microsoft.Extensions.Configuration;

namespace Logistics.Host.Tests.Polling;

/// <summary>The configuration docs/pollers.md shows binds as written, and a mistake in it stops the host with one line naming it.</summary>
public sealed class PollingConfigurationTests
{
    const string Documented = """
        {
          "Logistics": {
            "Polling": {
              "Carriers": {
                "ups":         { "BaseUrl": "https://onlinetools.ups.com", "ClientId": "id", "ClientSecret": "secret", "RequestsPerMinute": 60, "Burst": 5 },
                "orbcomm-idp": { "BaseUrl": "https://isatdatapro.orbcomm.com", "ClientId": "access", "ClientSecret": "password" }
              },
              "Subscriptions": [
                { "Id": "acme-ups", "Tenant": "tn_1", "Carrier": "ups", "TrackingNumbers": ["1Z1442YY7229014688"], "Interval": "00:05:00" },
                { "Id": "acme-mailbox", "Tenant": "tn_1", "Carrier": "orbcomm-idp", "StartUtc": "2026-12-01T00:00:00Z", "Interval": "00:01:00" }
              ]
            }
          }
        }
        """;

    static HostSettings Bind(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build()
            .GetSection("Logistics").Get<HostSettings>()!;

    [Fact]
    public void The_documented_configuration_binds()
    {
        var polling = Bind(Documented).Polling;
        Assert.Equal(new Uri("https://onlinetools.ups.com"), polling.Carriers["ups"].BaseUrl);
        Assert.Equal("secret", polling.Carriers["ups"].ClientSecret);
        Assert.Equal(TimeSpan.FromSeconds(60), polling.Carriers["ups"].TokenSkew);   // a default kept
        Assert.Equal(2, polling.Subscriptions.Count);
        var ups = polling.Subscriptions[0];
        Assert.Equal(("acme-ups", "tn_1", "ups"), (ups.Id, ups.Tenant, ups.Carrier));
        Assert.Equal(["1Z1442YY7229014688"], ups.TrackingNumbers);
        Assert.Equal(TimeSpan.FromMinutes(5), ups.Interval);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), polling.Subscriptions[1].StartUtc);
        new ServiceCollection().AddPolling(Bind(Documented));   // valid: no exception
    }

    [Theory]
    [InlineData("""{"Logistics":{"Polling":{"Carriers":{"maersk":{"BaseUrl":"https://x.example"}}}}}""", "Logistics:Polling:Carriers:maersk: no poller for 'maersk'")]
    [InlineData("""{"Logistics":{"Polling":{"Subscriptions":[{"Id":"s","Tenant":"t","Carrier":"ups","TrackingNumbers":["1Z"]}]}}}""", "carrier 'ups' has no account with a BaseUrl")]
    [InlineData("""{"Logistics":{"Polling":{"Carriers":{"dhl":{"BaseUrl":"https://x.example"}},"Subscriptions":[{"Id":"s","Tenant":"t","Carrier":"dhl"}]}}}""", "'s' (tenant t): TrackingNumbers is empty")]
    [InlineData("""{"Logistics":{"Polling":{"Carriers":{"dhl":{"BaseUrl":"https://x.example"}},"Subscriptions":[{"Id":"s","Tenant":"t","Carrier":"dhl","TrackingNumbers":["1"],"Interval":"00:00:00"}]}}}""", "Interval must be positive")]
    public void A_mistake_stops_the_host_naming_it(string json, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPolling(Bind(json)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
