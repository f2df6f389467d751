using Logistics.Adapters.Sdk;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>
/// DCSA date-times are RFC 3339 with an offset (explicit). Some feeds drop the offset; such a local time is placed
/// in the zone of the event's UN/LOCODE (inferred) or, without one, taken as UTC (assumed-utc).
/// </summary>
static class DcsaTime
{
    /// <summary>The time in <paramref name="name"/>; a rejection (and default) when it is missing or not a date-time.</summary>
    public static ResolvedTime Resolve(JObject parent, string name, string? unlocode, JsonInput json)
    {
        var token = JsonInput.Member(parent, name);
        if (token is null)
        {
            json.Missing(parent, name, "an ISO 8601 date-time with offset");
            return default;
        }
        if (token.Type != JTokenType.String)
            return json.Wrong<ResolvedTime>(token, "an ISO 8601 date-time string");
        return SourceTime.ParseIso((string)token!, new ZoneHint(Unlocode: unlocode))
            ?? json.Wrong<ResolvedTime>(token, "an ISO 8601 date-time with offset (e.g. 2021-01-09T14:12:56+01:00)");
    }
}
