using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Ups;

/// <summary>A UPS address: its city, state and country name the place and give the zone of its local times.</summary>
static class UpsPlace
{
    public static (ZoneHint Hint, Location? Location) Of(JObject? address, JsonInput json)
    {
        var city = json.Text(address, "city");
        var state = json.Text(address, "stateProvince");
        var country = json.Text(address, "countryCode") ?? json.Text(address, "country");
        var name = string.Join(", ", new[] { city, state, country }.Where(s => s is not null));
        if (name.Length == 0) return (ZoneHint.None, null);
        return (new ZoneHint(City: city, Region: state, Country: country), new Location(null, name, null, null));
    }
}
