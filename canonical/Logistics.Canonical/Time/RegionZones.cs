namespace Logistics.Canonical.Time;

/// <summary>
/// US state and Canadian province codes to TZDB zones, with the cities that decide in states split between zones.
/// Small on purpose: X12 214 and parcel APIs give city + state, and this settles the common cases.
/// </summary>
static class RegionZones
{
    /// <summary>The zone of a whole state, or of all of it but a fringe listed in <see cref="Cities"/>.</summary>
    static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["AL"] = "America/Chicago", ["AK"] = "America/Anchorage", ["AZ"] = "America/Phoenix", ["AR"] = "America/Chicago",
        ["CA"] = "America/Los_Angeles", ["CO"] = "America/Denver", ["CT"] = "America/New_York", ["DE"] = "America/New_York",
        ["DC"] = "America/New_York", ["FL"] = "America/New_York", ["GA"] = "America/New_York", ["HI"] = "Pacific/Honolulu",
        ["ID"] = "America/Boise", ["IL"] = "America/Chicago", ["IN"] = "America/Indiana/Indianapolis", ["IA"] = "America/Chicago",
        ["KS"] = "America/Chicago", ["LA"] = "America/Chicago", ["ME"] = "America/New_York", ["MD"] = "America/New_York",
        ["MA"] = "America/New_York", ["MI"] = "America/Detroit", ["MN"] = "America/Chicago", ["MS"] = "America/Chicago",
        ["MO"] = "America/Chicago", ["MT"] = "America/Denver", ["NE"] = "America/Chicago", ["NV"] = "America/Los_Angeles",
        ["NH"] = "America/New_York", ["NJ"] = "America/New_York", ["NM"] = "America/Denver", ["NY"] = "America/New_York",
        ["NC"] = "America/New_York", ["ND"] = "America/Chicago", ["OH"] = "America/New_York", ["OK"] = "America/Chicago",
        ["OR"] = "America/Los_Angeles", ["PA"] = "America/New_York", ["RI"] = "America/New_York", ["SC"] = "America/New_York",
        ["TX"] = "America/Chicago", ["UT"] = "America/Denver", ["VT"] = "America/New_York", ["VA"] = "America/New_York",
        ["WA"] = "America/Los_Angeles", ["WV"] = "America/New_York", ["WI"] = "America/Chicago", ["WY"] = "America/Denver",
        ["PR"] = "America/Puerto_Rico", ["VI"] = "America/St_Thomas", ["GU"] = "Pacific/Guam",
        // KY, TN and SD are split down the middle: only a known city gives a zone.
        ["AB"] = "America/Edmonton", ["BC"] = "America/Vancouver", ["MB"] = "America/Winnipeg", ["NB"] = "America/Moncton",
        ["NL"] = "America/St_Johns", ["NS"] = "America/Halifax", ["NT"] = "America/Edmonton", ["ON"] = "America/Toronto",
        ["PE"] = "America/Halifax", ["QC"] = "America/Toronto", ["SK"] = "America/Regina", ["YT"] = "America/Whitehorse",
        // NU spans three zones: only a known city gives one.
    };

    /// <summary>Cities in split states, keyed "STATE|CITY" (city upper case, dots dropped, single spaces).</summary>
    static readonly Dictionary<string, string> Cities = BuildCities();

    public static string? Find(string? city, string? state)
    {
        if (string.IsNullOrWhiteSpace(state)) return null;
        var st = state.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(city) && Cities.TryGetValue($"{st}|{NormaliseCity(city)}", out var cityZone))
            return cityZone;
        return States.GetValueOrDefault(st);
    }

    static string NormaliseCity(string city) =>
        string.Join(' ', city.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    static Dictionary<string, string> BuildCities()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string state, string zone, params string[] cities)
        {
            foreach (var c in cities) map[$"{state}|{c}"] = zone;
        }

        Add("TX", "America/Denver", "EL PASO", "SIERRA BLANCA");
        Add("FL", "America/Chicago", "PENSACOLA", "PANAMA CITY", "FORT WALTON BEACH", "DESTIN", "NICEVILLE", "CRESTVIEW",
            "MILTON", "MARIANNA");
        Add("MI", "America/Menominee", "MENOMINEE", "IRON MOUNTAIN", "IRONWOOD");
        Add("KS", "America/Denver", "GOODLAND", "SHARON SPRINGS", "TRIBUNE");
        Add("NE", "America/Denver", "SCOTTSBLUFF", "SIDNEY", "ALLIANCE", "OGALLALA", "CHADRON");
        Add("ND", "America/Denver", "DICKINSON", "BOWMAN");
        Add("SD", "America/Chicago", "SIOUX FALLS", "ABERDEEN", "WATERTOWN", "BROOKINGS", "MITCHELL", "YANKTON", "PIERRE");
        Add("SD", "America/Denver", "RAPID CITY", "SPEARFISH", "STURGIS");
        Add("OR", "America/Boise", "ONTARIO");
        Add("ID", "America/Los_Angeles", "COEUR D'ALENE", "COEUR DALENE", "LEWISTON", "MOSCOW", "SANDPOINT", "POST FALLS");
        Add("NV", "America/Denver", "WEST WENDOVER");
        Add("AK", "America/Adak", "ADAK");
        Add("IN", "America/Chicago", "GARY", "HAMMOND", "MERRILLVILLE", "VALPARAISO", "EAST CHICAGO", "MICHIGAN CITY", "EVANSVILLE");
        Add("TN", "America/Chicago", "MEMPHIS", "NASHVILLE", "JACKSON", "CLARKSVILLE", "MURFREESBORO", "FRANKLIN", "COLUMBIA",
            "SMYRNA", "LEBANON", "COOKEVILLE");
        Add("TN", "America/New_York", "KNOXVILLE", "CHATTANOOGA", "JOHNSON CITY", "KINGSPORT", "BRISTOL", "CLEVELAND",
            "MORRISTOWN", "OAK RIDGE", "MARYVILLE");
        Add("KY", "America/Kentucky/Louisville", "LOUISVILLE", "SHEPHERDSVILLE", "JEFFERSONTOWN");
        Add("KY", "America/New_York", "LEXINGTON", "FRANKFORT", "FLORENCE", "COVINGTON", "HEBRON", "ERLANGER", "ASHLAND",
            "RICHMOND", "GEORGETOWN", "WALTON");
        Add("KY", "America/Chicago", "BOWLING GREEN", "PADUCAH", "OWENSBORO", "HOPKINSVILLE", "HENDERSON");
        Add("ON", "America/Winnipeg", "KENORA", "DRYDEN", "FORT FRANCES");
        Add("BC", "America/Dawson_Creek", "DAWSON CREEK", "FORT ST JOHN");
        Add("BC", "America/Fort_Nelson", "FORT NELSON");
        Add("BC", "America/Edmonton", "CRANBROOK", "GOLDEN");
        Add("SK", "America/Edmonton", "LLOYDMINSTER");
        Add("NL", "America/Goose_Bay", "GOOSE BAY", "HAPPY VALLEY-GOOSE BAY", "LABRADOR CITY");
        Add("NU", "America/Iqaluit", "IQALUIT");
        Add("NU", "America/Rankin_Inlet", "RANKIN INLET");
        Add("NU", "America/Cambridge_Bay", "CAMBRIDGE BAY");
        return map;
    }
}
