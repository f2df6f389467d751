namespace Logistics.Gxp;

/// <summary>
/// Input the engine cannot assess: a profile, readings file or shipment description that is malformed.
/// <see cref="Input"/> names which input ("profile", "readings", "shipment"), <see cref="Location"/> where in it
/// (a JSON path or a line), and the message says what was expected, in one line.
/// </summary>
public abstract class GxpInputException(string input, string location, string message) : Exception(message)
{
    /// <summary>Which input: "profile", "readings" or "shipment".</summary>
    public string Input { get; } = input;
    /// <summary>Where in that input: a JSON path (<c>$.zones[1].mode</c>) or <c>line 17</c>.</summary>
    public string Location { get; } = location;
}
