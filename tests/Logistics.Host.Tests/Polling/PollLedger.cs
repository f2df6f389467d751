using System.Globalization;
using System.Text.Json;
using Logistics.Canonical.Events;
using Logistics.FakeCarrier;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Host.Tests.Polling;

/// <summary>
/// The key the fake carrier gives each event it serves (<see cref="CarrierWorld.Key"/>), rebuilt from a canonical event:
/// carrier, the event's first reference, and its local time at its own offset.
/// </summary>
public static class PollLedger
{
    public static Func<CanonicalEvent, string> KeyOf(string carrier) => e =>
        CarrierWorld.Key(carrier, e.Refs[0].Value, e.OccurredAt.WithOffset(e.OccurredAtOffset).ToDateTimeOffset());

    /// <summary>The same key from an event's wire form (as <c>GET /references/…/events</c> and <c>/events/recent</c> answer).</summary>
    public static string KeyOf(string carrier, JsonElement wire)
    {
        var at = InstantPattern.ExtendedIso.Parse(wire.GetProperty("occurredAt").GetString()!).Value;
        var offsetText = wire.GetProperty("occurredAtOffset").GetString()!;
        var offset = offsetText == "Z" ? Offset.Zero : OffsetPattern.GeneralInvariant.Parse(offsetText).GetValueOrThrow();
        var reference = wire.GetProperty("refs")[0].GetProperty("value").GetString()!;
        return CarrierWorld.Key(carrier, reference, at.WithOffset(offset).ToDateTimeOffset());
    }

    public static string Format(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
