using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Fedex;

/// <summary>FedEx addresses (city, stateOrProvinceCode, countryCode) and date-times (ISO-8601, usually with the local offset).</summary>
static class FedexPlace
{
    public static (ZoneHint Hint, Location? Location) Of(JObject? address, JsonInput json)
    {
        var city = json.Text(address, "city");
        var state = json.Text(address, "stateOrProvinceCode");
        var country = json.Text(address, "countryCode");
        var name = string.Join(", ", new[] { city, state, country }.Where(s => s is not null));
        if (name.Length == 0) return (ZoneHint.None, null);
        return (new ZoneHint(City: city, Region: state, Country: country), new Location(null, name, null, null));
    }

    /// <summary>An ISO-8601 date-time (with offset: explicit; without: at the place), or a bare date (local midnight, date-only).</summary>
    public static (Canonical.Time.ResolvedTime Time, bool DateOnly)? Time(string text, ZoneHint hint)
    {
        if (SourceTime.ParseIso(text, hint) is { } time) return (time, false);
        return LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } date ? (hint.Resolve(date.Value.AtMidnight()), true) : null;
    }
}
