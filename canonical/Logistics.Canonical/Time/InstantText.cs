using NodaTime;
using NodaTime.Text;

namespace Logistics.Canonical.Time;

/// <summary>Reads an instant given by a person (CLI options, query strings): ISO-8601 UTC ('Z') or with an offset.</summary>
public static class InstantText
{
    public const string Example = "2025-03-01T12:00:00Z";

    public static bool TryParse(string? text, out Instant instant)
    {
        instant = default;
        if (text is null) return false;
        var utc = InstantPattern.ExtendedIso.Parse(text);
        if (utc.Success) { instant = utc.Value; return true; }
        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (withOffset.Success) { instant = withOffset.Value.ToInstant(); return true; }
        return false;
    }
}
