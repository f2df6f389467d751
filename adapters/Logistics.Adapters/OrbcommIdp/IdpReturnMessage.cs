using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.OrbcommIdp;

/// <summary>
/// One Mobile-Originated (return) message of a <c>get_return_messages</c> response → its events.
/// <list type="bullet">
/// <item>Refs: <c>deviceId</c>, the terminal's <c>MobileID</c>. Time: <c>ReceiveUTC</c>, "the datetime (UTC) the message was received at
/// the Satellite Access Station" (network time; <c>MessageUTC</c>, when it reached the mailbox, if it is missing); the device's own
/// time when the payload has one — an <c>EventTime</c> field (epoch seconds), or a core position's day and minute of its fix.</item>
/// <item>The device's codec (<see cref="TranslationContext.CodecFor"/>), when it has one, decodes <c>RawPayload</c> (SIN and MIN
/// included): the payload layout of user services (SIN 16..255) is the application's.</item>
/// <item>Otherwise: SIN 0 is the core modem service — MIN 72 (Reply Position) is a GNSS position, read from <c>Payload</c> or from
/// <c>RawPayload</c> (<see cref="IdpCoreModem"/>); the other core messages (registration, configuration, metrics, pings…) carry
/// no reading. A <c>Payload</c> the mailbox's message definition decoded gives a position from its <c>Latitude</c>/<c>Longitude</c>
/// fields (0.001 minutes), with <c>Altitude</c>, <c>Speed</c> (km/h), <c>Heading</c> (degrees; above 360 unknown) and
/// <c>EventTime</c>, names matched case-insensitively. A user message with neither is rejected: its readings are quarantined
/// for replay once a codec is set, never dropped.</item>
/// <item>A fix the modem marked invalid (fixStatus 0) is kept, flagged <c>source-invalid</c>.</item>
/// </list>
/// </summary>
internal static class IdpReturnMessage
{
    const int CoreService = 0;
    const double MilliMinutesPerDegree = 60_000;

    public static bool Add(JObject m, TranslationContext context, JsonInput json, List<CanonicalEvent> events)
    {
        var mobileId = json.Text(m, "MobileID");
        var id = json.Text(m, "ID");
        var sin = json.Number(m, "SIN");
        if (json.Failed) return false;
        if (mobileId is null) return json.Missing(m, "MobileID", "the terminal's Mobile ID");
        if (ReceivedAt(m, json) is not { } received) return false;
        if (sin is not (>= 0 and <= 255) || sin != Math.Floor(sin.Value))
            return sin is null ? json.Missing(m, "SIN", "the message's SIN (0..255)") : json.Fail(m["SIN"]!, "a SIN 0..255");

        Reference[] refs = [new(RefSchemes.DeviceId, mobileId)];
        var header = EventHeader.For(context, IdpTime.Resolved(received), refs, Invariant($"SIN {sin.Value}"), id is null ? null : $"ID {id}");
        var payload = json.Object(m, "Payload");
        var raw = RawPayload(m, json);
        if (json.Failed) return false;

        if (context.CodecFor(refs[0].ToString()) is { } codecId && raw is not null)
        {
            var rawPath = JsonInput.PathOf(m, "RawPayload");
            if (CodecReadings.Add(codecId, raw, null, header, PositionMethods.Gnss, events, rawPath,
                    b => $"{rawPath} byte {b.ToString(CultureInfo.InvariantCulture)}") is { } rejection)
                return json.Fail(rejection.Position, rejection.Expected, rejection.Found);
            return true;
        }
        if (sin == CoreService)
        {
            var min = payload is not null ? json.Number(payload, "MIN") : raw is { Length: > 1 } ? raw[1] : null;
            if (json.Failed) return false;
            if (min != IdpCoreModem.PositionMin) return true; // registration, configuration, metrics, pings: no reading
            if (payload is null) return RawCorePosition(m, raw!, header, received, json, events);
            if (FieldsPosition(payload, header, received, json, events, coreFix: true)) return true;
            return !json.Failed && json.Fail(JsonInput.PathOf(payload, "Fields"), "the latitude and longitude fields of a Reply Position", "none");
        }
        if (payload is not null && FieldsPosition(payload, header, received, json, events, coreFix: false)) return true;
        if (json.Failed) return false;
        return json.Fail(JsonInput.PathOf(m, raw is null ? "Payload" : "RawPayload"),
            $"a payload codec for Mobile ID {mobileId} (set the device profile's codec) or a Payload with Latitude and Longitude fields",
            payload is null ? "a RawPayload without codec" : $"Payload '{json.Text(payload, "Name")}' without position fields");
    }

    static Instant? ReceivedAt(JObject m, JsonInput json)
    {
        var name = m.ContainsKey("ReceiveUTC") ? "ReceiveUTC" : "MessageUTC";
        if (json.String(m, name) is not { } text)
            return json.Failed ? null : Missing(json, m, "ReceiveUTC", "the time the Satellite Access Station received the message (yyyy-MM-dd HH:mm:ss UTC)");
        if (IdpTime.TryParse(text, out var at)) return at;
        json.Fail(m[name]!, "a UTC time yyyy-MM-dd HH:mm:ss");
        return null;
    }

    /// <summary><c>RawPayload</c>: an array of byte values (IDP Messaging API) or base64 (ORBCOMM's OGWS); null when absent.</summary>
    static byte[]? RawPayload(JObject m, JsonInput json)
    {
        switch (JsonInput.Member(m, "RawPayload"))
        {
            case null:
                return null;
            case JArray array:
                var bytes = new byte[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JValue { Type: JTokenType.Integer, Value: long b } || b is < 0 or > 255)
                        return Wrong(json, array[i], "a byte value 0..255");
                    bytes[i] = (byte)b;
                }
                return bytes;
            case { Type: JTokenType.String } text when PayloadText.TryBase64((string)text!, out var decoded):
                return decoded;
            case var other:
                return Wrong(json, other, "an array of byte values (or base64)");
        }
    }

    /// <summary>A position from decoded fields; false when the payload has no Latitude/Longitude (or a field is unreadable).</summary>
    static bool FieldsPosition(JObject payload, EventHeader header, Instant received, JsonInput json, List<CanonicalEvent> events, bool coreFix)
    {
        JToken? lat = null, lon = null, alt = null, speed = null, heading = null, eventTime = null, fixStatus = null, day = null, minute = null;
        foreach (var field in json.Objects(payload, "Fields"))
        {
            var value = JsonInput.Member(field, "Value");
            switch (json.Text(field, "Name")?.ToLowerInvariant())
            {
                case "latitude": lat = value; break;
                case "longitude": lon = value; break;
                case "altitude": alt = value; break;
                case "speed": speed = value; break;
                case "heading": heading = value; break;
                case "eventtime": eventTime = value; break;
                case "fixstatus": fixStatus = value; break;
                case "dayofmonth": day = value; break;
                case "minuteofday": minute = value; break;
            }
        }
        if (json.Failed || lat is null || lon is null) return false;
        var la = Integer(lat, json);
        var lo = Integer(lon, json);
        var al = alt is null ? null : Integer(alt, json);
        var sp = speed is null ? null : Integer(speed, json);
        var hd = heading is null ? null : Integer(heading, json);
        var fs = fixStatus is null ? null : Integer(fixStatus, json);
        var et = eventTime is null ? null : Integer(eventTime, json);
        (long? Day, long? Minute)? dm = day is null || minute is null ? null : (Integer(day, json), Integer(minute, json));
        if (json.Failed) return false;

        var time = received;
        var invalidTime = false;
        if (et is { } seconds)
        {
            if (seconds is < 0 or > 253_402_300_799) return json.Fail(eventTime!, "epoch seconds");
            time = Instant.FromUnixTimeSeconds(seconds);
        }
        else if (dm is ({ } d, { } mi))
            invalidTime = !IdpTime.TryFixTime((int)Math.Clamp(d, -1, 99), (int)Math.Clamp(mi, -1, 9999), received, out time);
        if (invalidTime) time = received;
        // A core position's heading is in 2° units in the raw message; how a decoded Payload shows it is not published: not read.
        var headingDeg = coreFix ? null : hd is >= 0 and <= 360 ? hd : null;
        return AddPosition(la!.Value, lo!.Value, lat, lon, al, sp, headingDeg, invalid: fs == 0 || invalidTime, header, time, json, events);
    }

    static bool RawCorePosition(JObject m, byte[] raw, EventHeader header, Instant received, JsonInput json, List<CanonicalEvent> events)
    {
        if (IdpCoreModem.Position(raw) is not { } p)
            return json.Fail(JsonInput.PathOf(m, "RawPayload"),
                Invariant($"a Reply Position of {IdpCoreModem.PositionLength} bytes (SIN 0, MIN 72, fixStatus … MinuteOfDay)"), Invariant($"{raw.Length} bytes"));
        var validTime = IdpTime.TryFixTime(p.DayOfMonth, p.MinuteOfDay, received, out var fix);
        var at = m["RawPayload"]!;
        return AddPosition(p.LatitudeMilliMinutes, p.LongitudeMilliMinutes, at, at, p.AltitudeM, p.SpeedKmh, p.HeadingUnits * 2 <= 360 ? p.HeadingUnits * 2 : null,
            invalid: p.FixStatus == 0 || !validTime, header, validTime ? fix : received, json, events);
    }

    static bool AddPosition(long latMilliMinutes, long lonMilliMinutes, JToken latToken, JToken lonToken, long? altitude, long? speed, long? heading, bool invalid,
        EventHeader header, Instant time, JsonInput json, List<CanonicalEvent> events)
    {
        var lat = latMilliMinutes / MilliMinutesPerDegree;
        var lon = lonMilliMinutes / MilliMinutesPerDegree;
        if (lat is < -90 or > 90) return json.Fail(latToken, "a latitude in 0.001 minutes within ±90°");
        if (lon is < -180 or > 180) return json.Fail(lonToken, "a longitude in 0.001 minutes within ±180°");
        var h = header.At(IdpTime.Resolved(time));
        if (invalid) h = h.WithFlag(EventFlags.SourceInvalid);
        events.Add(h.Position(new PositionDetail(lat, lon, null, PositionMethods.Gnss) { AltitudeM = altitude, SpeedKmh = speed, HeadingDeg = heading }));
        return true;
    }

    /// <summary>A field value: an integer, as a string (the API's form) or a JSON number.</summary>
    static long? Integer(JToken token, JsonInput json)
    {
        switch (token)
        {
            case JValue { Type: JTokenType.Integer, Value: long l }:
                return l;
            case { Type: JTokenType.String } when long.TryParse(((string)token!).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                json.Fail(token, "an integer");
                return null;
        }
    }

    static Instant? Missing(JsonInput json, JObject parent, string name, string expected)
    {
        json.Missing(parent, name, expected);
        return null;
    }

    static byte[]? Wrong(JsonInput json, JToken token, string expected)
    {
        json.Fail(token, expected);
        return null;
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
