using Logistics.Adapters.Sdk;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// EPCIS times: <c>eventTime</c> and sensor times are ISO-8601 with an offset; a time written without one is read in the
/// event's <c>eventTimeZoneOffset</c> when there is one (EPCIS 2.0 §7.4.3: the offset in effect where the event happened).
/// </summary>
static class EpcisTime
{
    static readonly OffsetDateTimePattern DateTimeWithOffset = OffsetDateTimePattern.ExtendedIso;
    static readonly LocalDateTimePattern LocalDateTime = LocalDateTimePattern.ExtendedIso;
    static readonly OffsetPattern OffsetFormat = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>The time in <paramref name="name"/>; false (rejected in <paramref name="json"/>) when absent or not a date-time.</summary>
    public static bool TryRead(JObject parent, string name, Offset? localOffset, JsonInput json, out Instant instant, out Offset offset)
    {
        (instant, offset) = (default, default);
        var token = parent[name];
        if (token is not { Type: JTokenType.String })
            return json.Fail(JsonInput.PathOf(parent, name), "an ISO-8601 date-time", JsonInput.Describe(token));
        var text = (string)token!;
        var parsed = DateTimeWithOffset.Parse(text);
        if (parsed.Success)
        {
            (instant, offset) = (parsed.Value.ToInstant(), parsed.Value.Offset);
            return true;
        }
        var local = LocalDateTime.Parse(text);
        if (local.Success && localOffset is { } declared)
        {
            (instant, offset) = (local.Value.WithOffset(declared).ToInstant(), declared);
            return true;
        }
        return json.Fail(token, "an ISO-8601 date-time with an offset");
    }

    /// <summary><c>eventTimeZoneOffset</c> (<c>+01:00</c>); null when absent; false (rejected) when malformed.</summary>
    public static bool TryReadOffset(JObject evt, JsonInput json, out Offset? offset)
    {
        offset = null;
        if (JsonInput.Member(evt, "eventTimeZoneOffset") is not { } token) return true;
        if (token.Type == JTokenType.String && OffsetFormat.Parse((string)token!) is { Success: true } parsed)
        {
            offset = parsed.Value;
            return true;
        }
        return json.Fail(token, "a time zone offset like +01:00");
    }
}
