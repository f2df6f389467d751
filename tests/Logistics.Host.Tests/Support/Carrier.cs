using System.Text.Json;
using Logistics.Canonical.Identifiers;

namespace Logistics.Host.Tests.Support;

/// <summary>DCSA T&amp;T equipment events for tests: a container, a code, actual or estimated, a time.</summary>
public static class Carrier
{
    public sealed record Move(string DcsaCode, string Classifier, DateTimeOffset At, string Unlocode = "NLRTM");

    /// <summary>A fresh ISO 6346 container number (owner TST, category U, random serial, correct check digit).</summary>
    public static string NewContainer()
    {
        var head = "TSTU" + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return head + CheckDigits.Iso6346(head);
    }

    /// <summary>A DCSA event list (the T&amp;T 2.2 response shape) with one EQUIPMENT event per move.</summary>
    public static byte[] Dcsa(string container, params Move[] moves) =>
        JsonSerializer.SerializeToUtf8Bytes(moves.Select(m => new Dictionary<string, object>
        {
            ["eventID"] = Guid.NewGuid().ToString(),
            ["eventCreatedDateTime"] = "2026-01-01T00:00:00Z",
            ["eventType"] = "EQUIPMENT",
            ["eventClassifierCode"] = m.Classifier,
            ["eventDateTime"] = m.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["equipmentEventTypeCode"] = m.DcsaCode,
            ["equipmentReference"] = container,
            ["emptyIndicatorCode"] = "LADEN",
            ["eventLocation"] = new Dictionary<string, string> { ["UNLocationCode"] = m.Unlocode },
        }).ToArray());

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
