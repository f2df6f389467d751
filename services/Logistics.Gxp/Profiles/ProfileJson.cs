using System.Text.Json;

namespace Logistics.Gxp.Profiles;

/// <summary>Writes a profile back in the GXP.md format, fields in a fixed order: the report echoes the exact rules it applied.</summary>
public static class ProfileJson
{
    /// <summary>Writes <paramref name="profile"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter w, TemperatureProfile profile)
    {
        w.WriteStartObject();
        w.WriteString("name", profile.Name);
        w.WriteString("version", profile.Version);
        if (profile.Description is not null) w.WriteString("description", profile.Description);
        w.WriteNumber("loggingIntervalMinutes", profile.LoggingIntervalMinutes);
        w.WriteNumber("ignoreStartMinutes", profile.IgnoreStartMinutes);
        w.WriteNumber("ignoreEndMinutes", profile.IgnoreEndMinutes);
        w.WriteStartArray("zones");
        foreach (var z in profile.Zones)
        {
            w.WriteStartObject();
            w.WriteString("id", z.Id);
            w.WriteString("direction", Name(z.Direction));
            w.WriteNumber("limitCelsius", z.LimitCelsius);
            w.WriteString("mode", z.Mode == ZoneMode.Single ? "single" : "cumulative");
            w.WriteNumber("delayMinutes", z.DelayMinutes);
            w.WriteString("severity", Name(z.Severity));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (profile.Mkt is { } mkt)
        {
            w.WriteStartObject("mkt");
            w.WriteNumber("activationEnergyKJPerMol", mkt.ActivationEnergyKJPerMol);
            if (mkt.MaxCelsius is { } max) w.WriteNumber("maxCelsius", max);
            if (mkt.WindowHours is { } h) w.WriteNumber("windowHours", h);
            w.WriteEndObject();
        }
        if (profile.StabilityBudget is { } budget)
        {
            w.WriteStartObject("stabilityBudget");
            w.WriteStartArray("bands");
            foreach (var b in budget.Bands)
            {
                w.WriteStartObject();
                w.WriteString("id", b.Id);
                w.WriteString("direction", Name(b.Direction));
                w.WriteNumber("limitCelsius", b.LimitCelsius);
                if (b.ToCelsius is { } to) w.WriteNumber("toCelsius", to);
                w.WriteNumber("allowedMinutes", b.AllowedMinutes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The profile as indented JSON text (the format <see cref="ProfileParser"/> reads).</summary>
    public static string ToJson(TemperatureProfile profile)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, profile);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Wire name of a direction.</summary>
    public static string Name(ZoneDirection d) => d == ZoneDirection.Above ? "above" : "below";

    /// <summary>Wire name of a severity.</summary>
    public static string Name(Severity s) => s == Severity.Alarm ? "alarm" : "warning";
}
