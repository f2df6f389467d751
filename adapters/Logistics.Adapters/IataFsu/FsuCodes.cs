using System.Collections.Frozen;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.IataFsu;

/// <summary>
/// The tables of <c>status-map.json</c>: status code → milestone (<c>map</c>), the known codes that give no milestone
/// (<c>withoutMilestone</c>), each status line's element layout (<c>layouts</c>), the statuses timed by the message
/// (<c>messageTime</c>), time types S/E/A → classifier, day change indicators and discrepancy codes.
/// </summary>
sealed class FsuCodes
{
    public static readonly FsuCodes Default = new(StatusMap.Load("IataFsu"));

    readonly StatusMap _map;

    FsuCodes(StatusMap map)
    {
        _map = map;
        WithoutMilestone = map.Section("withoutMilestone");
        Layouts = map.Section("layouts").ToFrozenDictionary(p => p.Key, p => StatusLayout.Parse(p.Key, p.Value), StringComparer.Ordinal);
        MessageTime = map.Section("messageTime").Keys.ToFrozenSet(StringComparer.Ordinal);
        TimeTypes = map.Section("timeTypes").ToFrozenDictionary(p => p.Key[0], p => Enum.Parse<TimeClassifier>(p.Value));
        DayChange = map.Section("dayChange").ToFrozenDictionary(p => p.Key[0], p => int.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture));
        Discrepancies = map.Section("discrepancies");
        foreach (var code in map.Map.Keys.Concat(WithoutMilestone.Keys))
            if (!Layouts.ContainsKey(code)) throw new InvalidOperationException($"iata-fsu status-map.json: no layout for {code}");
    }

    public FrozenDictionary<string, string> WithoutMilestone { get; }
    public FrozenDictionary<string, StatusLayout> Layouts { get; }
    public FrozenSet<string> MessageTime { get; }
    public FrozenDictionary<char, TimeClassifier> TimeTypes { get; }
    public FrozenDictionary<char, int> DayChange { get; }
    public FrozenDictionary<string, string> Discrepancies { get; }

    public bool TryMilestone(string code, out string milestone) => _map.TryMap(code, out milestone);

    public bool IsStatus(string code) => Layouts.ContainsKey(code);
}

/// <summary>The elements a status line carries after its code, in order (status-map.json <c>layouts</c>).</summary>
sealed record StatusLayout(IReadOnlyList<(LayoutElement Kind, bool Optional)> Elements)
{
    public bool HasFlightPair => Elements.Any(e => e.Kind == LayoutElement.Airports);

    public static StatusLayout Parse(string code, string text) =>
        new(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token =>
        {
            var optional = token.EndsWith('?');
            var name = optional ? token[..^1] : token;
            return Enum.TryParse<LayoutElement>(name, ignoreCase: true, out var kind)
                ? (kind, optional)
                : throw new InvalidOperationException($"iata-fsu status-map.json: layout of {code} has an unknown element '{token}'");
        }).ToList());
}

enum LayoutElement
{
    /// <summary>A 2-character airline code (RCT, TFD, TRM: the other carrier).</summary>
    Carrier,
    /// <summary>Airline code and flight number, e.g. SR172, LH451.</summary>
    Flight,
    /// <summary>Day and month, e.g. 24MAR: the flight's scheduled date.</summary>
    Date,
    /// <summary>Day, month and the actual time of the status, e.g. 10JUL0700 (time optional, day change optional).</summary>
    DateTime,
    /// <summary>One IATA airport code: where the status happened.</summary>
    Airport,
    /// <summary>Departure and arrival airports, e.g. BSLKHI.</summary>
    Airports,
    /// <summary>A discrepancy code (1.8), e.g. MSAW.</summary>
    Discrepancy,
    /// <summary>Shipment description code T or P, pieces, optional weight: T20, P2K505.0.</summary>
    Quantity,
    /// <summary>Time of departure then time of arrival information, each [S|E|A]HHMM[-day change], either may be empty.</summary>
    Times,
}
