using NodaTime;

namespace Logistics.Adapters.IataFsu;

/// <summary>
/// One status line read by its layout (status-map.json <c>layouts</c>): <c>DEP/SR172/24MAR/BSLKHI/T20/A1930/E0530-N</c>
/// is flight SR172 of 24 March from BSL to KHI, 20 pieces, actual departure 19:30, estimated arrival 05:30 the next day.
/// Each element is checked against its Cargo-IMP format; a wrong one is rejected naming its line and element.
/// </summary>
sealed class StatusLine(FsuLine line)
{
    public FsuLine Line { get; } = line;
    public string Code => Line.Id;
    public List<string> Ulds { get; } = [];

    public string? Carrier { get; private set; }
    public string? Flight { get; private set; }
    public DayMonth? Date { get; private set; }
    /// <summary>The actual time of the status (DATETIME elements only), with its day change.</summary>
    public LocalTime? Time { get; private set; }
    public int TimeDayChange { get; private set; }
    public int DateElement { get; private set; }
    /// <summary>Where the status happened: the line's airport, or the departure airport of a flight pair.</summary>
    public string? Airport { get; private set; }
    public string? ArrivalAirport { get; private set; }
    public string? Discrepancy { get; private set; }
    public TimeInfo? Departure { get; private set; }
    public TimeInfo? Arrival { get; private set; }
    public StatusLayout Layout { get; private set; } = new([]);

    public void Parse(FsuCodes codes)
    {
        Layout = codes.Layouts[Code];
        var e = 1;
        foreach (var (kind, optional) in Layout.Elements)
        {
            var value = Line[e];
            if (e >= Line.Count)
            {
                if (optional || kind == LayoutElement.Times) continue;
                throw new FsuInputException(Line.PositionOf(e), Describe(kind), "end of line");
            }
            if (optional && value.Length == 0) { e++; continue; }
            switch (kind)
            {
                case LayoutElement.Carrier:
                    if (!IsAirline(value)) throw Line.Error(e, Describe(kind));
                    Carrier = value;
                    break;
                case LayoutElement.Flight:
                    if (!IsFlight(value))
                    {
                        if (optional) continue; // the sender left the optional flight out, separator and all
                        throw Line.Error(e, Describe(kind));
                    }
                    (Carrier, Flight) = (value[..2], value);
                    break;
                case LayoutElement.Date:
                    if (FsuTime.ParseDayMonth(value, out var rest) is not { } date || rest.Length != 0)
                    {
                        if (optional && IsAirportPair(value)) continue;
                        throw Line.Error(e, Describe(kind));
                    }
                    (Date, DateElement) = (date, e);
                    break;
                case LayoutElement.DateTime:
                    ReadDateTime(value, e, codes);
                    break;
                case LayoutElement.Airport:
                    if (!IsAirport(value)) throw Line.Error(e, Describe(kind));
                    Airport = value;
                    break;
                case LayoutElement.Airports:
                    if (!IsAirportPair(value)) throw Line.Error(e, Describe(kind));
                    (Airport, ArrivalAirport) = (value[..3], value[3..]);
                    break;
                case LayoutElement.Discrepancy:
                    if (!codes.Discrepancies.ContainsKey(value)) throw Line.Error(e, Describe(kind));
                    Discrepancy = value;
                    break;
                case LayoutElement.Quantity:
                    if (!IsQuantity(value, consignment: false))
                    {
                        if (optional) continue;
                        throw Line.Error(e, Describe(kind));
                    }
                    break;
                case LayoutElement.Times:
                    Departure = ReadTimeInfo(e, codes);
                    Arrival = ReadTimeInfo(e + 1, codes);
                    e++;
                    break;
            }
            e++;
        }
        if (Departure is not null && !Layout.HasFlightPair)
            throw new FsuInputException(Line.PositionOf(Departure.Value.Element), $"no time of departure on a {Code} line (Cargo-IMP: shall not be included)", Line[Departure.Value.Element]);
    }

    void ReadDateTime(string value, int e, FsuCodes codes)
    {
        if (FsuTime.ParseDayMonth(value, out var rest) is not { } date) throw Line.Error(e, Describe(LayoutElement.DateTime));
        (Date, DateElement) = (date, e);
        if (rest.Length == 0) return;
        var dash = rest.IndexOf('-');
        var hhmm = dash < 0 ? rest : rest[..dash];
        if (FsuTime.ParseHhmm(hhmm) is not { } time) throw Line.Error(e, Describe(LayoutElement.DateTime));
        Time = time;
        if (dash >= 0) TimeDayChange = DayChange(rest[(dash + 1)..], e, codes);
    }

    TimeInfo? ReadTimeInfo(int e, FsuCodes codes)
    {
        var value = Line[e];
        if (value.Length == 0) return null;
        const string expected = "a time of departure or arrival: S, E or A, HHMM, optional day change (S1930, E0530-N)";
        if (value.Length < 5 || !codes.TimeTypes.ContainsKey(value[0])) throw Line.Error(e, expected);
        var dash = value.IndexOf('-');
        var hhmm = dash < 0 ? value.AsSpan(1) : value.AsSpan(1, dash - 1);
        if (FsuTime.ParseHhmm(hhmm) is not { } time) throw Line.Error(e, expected);
        var days = dash < 0 ? 0 : DayChange(value[(dash + 1)..], e, codes);
        return new TimeInfo(value[0], time, days, e);
    }

    int DayChange(string indicator, int e, FsuCodes codes) =>
        indicator.Length == 1 && codes.DayChange.TryGetValue(indicator[0], out var days)
            ? days
            : throw new FsuInputException(Line.PositionOf(e), "a day change indicator after the hyphen (P, N, S, T, A-L)", FsuLine.Found(indicator));

    static string Describe(LayoutElement kind) => kind switch
    {
        LayoutElement.Carrier => "a 2-character airline code (TW)",
        LayoutElement.Flight => "an airline code and flight number (SR172)",
        LayoutElement.Date => "a day and month DDMMM (24MAR)",
        LayoutElement.DateTime => "a day and month with optional time DDMMM[HHMM] (10JUL or 10JUL0700)",
        LayoutElement.Airport => "a 3-letter IATA airport code (FRA)",
        LayoutElement.Airports => "departure and arrival airport codes (BSLKHI)",
        LayoutElement.Discrepancy => "a discrepancy code of Cargo-IMP code list 1.8 (MSAW, MSCA, FDCA, OFLD, …)",
        LayoutElement.Quantity => "a quantity: T or P, pieces, optional weight (T20, P2K505.0)",
        _ => "a time of departure or arrival",
    };

    static bool IsAirline(string s) => s.Length == 2 && s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    static bool IsAirport(string s) => s.Length == 3 && s.All(char.IsAsciiLetterUpper);

    static bool IsAirportPair(string s) => s.Length == 6 && s.All(char.IsAsciiLetterUpper);

    /// <summary>Airline code, 1-4 digits, optional suffix letter: SR172, LH451, O31698, QR8985A.</summary>
    static bool IsFlight(string s)
    {
        if (s.Length < 3 || !IsAirline(s[..2])) return false;
        var number = char.IsAsciiLetterUpper(s[^1]) ? s[2..^1] : s[2..];
        return number.Length is >= 1 and <= 4 && number.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// T or P and up to 4 digits of pieces, then optionally a weight code (K or L) and weight (up to 7 digits and a
    /// decimal part); on the consignment line a part shipment may add T and the total pieces (P8T20).
    /// </summary>
    public static bool IsQuantity(string s, bool consignment)
    {
        if (s.Length < 2 || s[0] is not ('T' or 'P')) return false;
        var i = Digits(s, 1, 4);
        if (i == 1) return false;
        if (i < s.Length && s[i] is 'K' or 'L')
        {
            var w = Digits(s, i + 1, 7);
            if (w == i + 1) return false;
            i = w;
            if (i < s.Length && s[i] == '.') { var f = Digits(s, i + 1, 3); if (f == i + 1) return false; i = f; }
        }
        if (consignment && s[0] == 'P' && i < s.Length && s[i] == 'T')
        {
            var t = Digits(s, i + 1, 4);
            if (t == i + 1) return false;
            i = t;
        }
        return i == s.Length;
    }

    static int Digits(string s, int from, int max)
    {
        var i = from;
        while (i < s.Length && i - from < max && char.IsAsciiDigit(s[i])) i++;
        return i;
    }
}
