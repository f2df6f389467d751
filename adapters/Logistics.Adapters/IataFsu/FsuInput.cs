namespace Logistics.Adapters.IataFsu;

/// <summary>A bad line or element, thrown inside the adapter only and returned as a rejection by <see cref="IataFsuAdapter"/>.</summary>
sealed class FsuInputException(string position, string expected, string? found) : Exception(expected)
{
    public string Position { get; } = position;
    public string Expected { get; } = expected;
    public string? Found { get; } = found;
}

/// <summary>
/// One line of the message text: its 1-based number in the raw input (envelope lines count) and its slant-separated
/// elements; element 0 is the line identifier (the status code, ULD, OSI…), so <c>DEP/SR172/24MAR</c> has element 2 = <c>24MAR</c>.
/// </summary>
sealed class FsuLine(int number, string text)
{
    public int Number { get; } = number;
    public string Text { get; private set; } = text;
    public string[] Elements { get; private set; } = text.Split('/');

    public string Id => Elements[0];

    public string this[int index] => index < Elements.Length ? Elements[index] : "";

    public int Count => Elements.Length;

    /// <summary>Joins a continuation line (one starting with a slant: the rest of this line's data, split for length).</summary>
    public void Continue(string continuation)
    {
        Text += continuation;
        Elements = Text.Split('/');
    }

    public string Position => $"line {Number} ({Shown(Id)})";

    public string PositionOf(int element) => $"line {Number} ({Shown(Id)}) element {element}";

    public FsuInputException Error(int element, string expected) =>
        new(PositionOf(element), expected, Found(this[element]));

    public static string Found(string s) => s.Length == 0 ? "nothing" : Printable(s);

    static string Shown(string id) => id.Length is > 0 and <= 4 ? Printable(id) : "…";

    /// <summary>Control characters as '?' and long values shortened, so a rejection stays one printable line.</summary>
    public static string Printable(string s)
    {
        var shown = s.Length <= 40 ? s : s[..37] + "...";
        return shown.Any(char.IsControl) ? new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : shown;
    }
}
