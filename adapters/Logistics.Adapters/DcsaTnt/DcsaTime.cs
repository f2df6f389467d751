using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;
using NodaTime.Text;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>
/// DCSA date-times are RFC 3339 with an offset (explicit). Some feeds drop the offset; such a local time is placed
/// in the zone of the event's UN/LOCODE (inferred) or, without one, taken as UTC (assumed-utc).
/// </summary>
static class DcsaTime
{
    static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;
    static readonly LocalDateTimePattern Local = LocalDateTimePattern.ExtendedIso;

    public static ResolvedTime Resolve(JObject parent, string name, string? unlocode)
    {
        var token = parent[name];
        if (token is null || token.Type == JTokenType.Null)
            throw new DcsaInputException(DcsaJson.PathOf(parent, name), "an ISO 8601 date-time with offset", "nothing");
        if (token.Type != JTokenType.String)
            throw new DcsaInputException(DcsaJson.PathOf(token), "an ISO 8601 date-time string", DcsaJson.Describe(token));
        var text = ((string)token!).Trim();

        var explicitTime = WithOffset.Parse(text);
        if (explicitTime.Success)
            return ResolvedTime.Explicit(explicitTime.Value);

        var local = Local.Parse(text);
        if (!local.Success)
            throw new DcsaInputException(DcsaJson.PathOf(token), "an ISO 8601 date-time with offset (e.g. 2021-01-09T14:12:56+01:00)", DcsaJson.Describe(token));
        return TimeResolver.ResolveLocal(local.Value, unlocode, iataAirport: null);
    }
}
