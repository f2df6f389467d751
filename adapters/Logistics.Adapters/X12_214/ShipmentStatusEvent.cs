using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.X12_214;

/// <summary>
/// One AT7 status → one milestone: AT701 (or the AT703 appointment code) through the status map, AT705/AT706/AT707
/// through <see cref="X12Time"/>, the place from MS1 (city, state, country, coordinates) or the N1/N4 party.
/// </summary>
static class ShipmentStatusEvent
{
    public static CanonicalEvent Create(X12Segment at7, X12Segment? ms1, Party? party, IReadOnlyList<Reference> refs, TranslationContext context)
    {
        var (code, codeElement, appointment) = at7[1].Length > 0 ? (at7[1], 1, false) : (at7[3], 3, true);
        if (code.Length == 0)
            throw new X12InputException(at7.PositionOf(1), "a shipment status code (AT701) or an appointment code (AT703)", "nothing");
        if (!X12StatusCodes.Default.TryMap(code, out var milestone, out var classifier))
            throw new X12InputException(at7.PositionOf(codeElement), "a status code listed in x12-214 status-map.json", code);
        if (appointment) classifier = TimeClassifier.PLN;

        var date = X12Time.ParseDate(at7[5])
            ?? throw new X12InputException(at7.PositionOf(5), "a date CCYYMMDD", ShipmentStatusReader.Quote(at7[5]));
        var time = X12Time.ParseTime(at7[6])
            ?? throw new X12InputException(at7.PositionOf(6), "a time HHMM or HHMMSS", ShipmentStatusReader.Quote(at7[6]));
        if (!X12Time.IsKnownCode(at7[7]))
            throw new X12InputException(at7.PositionOf(7), "a time code (LT, UT, ET/ED/ES, CT/CD/CS, MT/MD/MS, PT/PD/PS, AT, HT, …)", at7[7]);

        var location = Place(ms1, party);
        var zone = ms1 is { } m && ZoneOf(m[1], m[2], m[3]) is { } z ? z
            : party?.Place is { } n4 ? ZoneOf(n4[1], n4[2], n4[4]) : null;
        var resolved = X12Time.Resolve(date + time, at7[7], zone);

        var header = EventHeader.For(context, resolved, refs, code) with { Location = location };
        return header.Milestone(milestone, classifier);
    }

    /// <summary>The zone of a US/Canadian city and state (canonical table); other countries' states are not in it.</summary>
    static DateTimeZone? ZoneOf(string city, string state, string country) =>
        country is "" or "US" or "USA" or "CA" or "CAN" && LocationZones.TryGetZoneForRegion(city, state, out var zone) ? zone : null;

    /// <summary>MS1 city/state/country and coordinates; the party's name and N4 place fill what MS1 leaves out.</summary>
    static Location? Place(X12Segment? ms1, Party? party)
    {
        string? name = null;
        double? lat = null, lon = null;
        if (ms1 is { } m)
        {
            name = Join(m[1], m[2], m[3]);
            lon = Coordinate(m, 4, 6, 'W', 180);
            lat = Coordinate(m, 5, 7, 'S', 90);
            if (lat is null != lon is null)
                throw new X12InputException(m.PositionOf(lat is null ? 5 : 4), "both longitude (MS104) and latitude (MS105)", "only one");
        }
        if (name is null && party is not null)
            name = party.Place is { } n4 ? Join(party.Name, n4[1], $"{n4[2]} {n4[3]}".Trim(), n4[4]) : party.Name;
        return name is null && lat is null ? null : new Location(null, name, lat, lon);
    }

    /// <summary>
    /// MS104/MS105: DDDMMSS (or DDMMSS) degrees-minutes-seconds, or decimal degrees; the direction (MS106 E/W,
    /// MS107 N/S) gives the sign. Rounded to 1e-6° (about 0.1 m), finer than the seconds the source carries.
    /// </summary>
    static double? Coordinate(X12Segment ms1, int element, int directionElement, char negative, double limit)
    {
        var s = ms1[element];
        if (s.Length == 0) return null;
        double degrees;
        if (s.Contains('.'))
        {
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out degrees))
                throw BadCoordinate(ms1, element, s);
        }
        else
        {
            if (s.Length is < 5 or > 7 || s.AsSpan().ContainsAnyExcept("0123456789")) throw BadCoordinate(ms1, element, s);
            var d = int.Parse(s.AsSpan(0, s.Length - 4), CultureInfo.InvariantCulture);
            var mm = int.Parse(s.AsSpan(s.Length - 4, 2), CultureInfo.InvariantCulture);
            var ss = int.Parse(s.AsSpan(s.Length - 2, 2), CultureInfo.InvariantCulture);
            if (mm > 59 || ss > 59) throw BadCoordinate(ms1, element, s);
            degrees = d + mm / 60.0 + ss / 3600.0;
        }
        if (Math.Abs(degrees) > limit) throw BadCoordinate(ms1, element, s);
        var direction = ms1[directionElement];
        if (direction.Length == 1 && direction[0] == negative) degrees = -Math.Abs(degrees);
        return Math.Round(degrees, 6);
    }

    static X12InputException BadCoordinate(X12Segment ms1, int element, string found) =>
        new(ms1.PositionOf(element), element == 4 ? "a longitude DDDMMSS" : "a latitude DDDMMSS", found);

    static string? Join(params ReadOnlySpan<string?> parts)
    {
        var kept = new List<string>(parts.Length);
        foreach (var p in parts)
            if (!string.IsNullOrEmpty(p)) kept.Add(p);
        return kept.Count == 0 ? null : string.Join(", ", kept);
    }
}
