using System.Globalization;

namespace Logistics.FakeCarrier;

/// <summary>
/// The shipments and messages the fake carrier knows, appearing over time from its start: tracking event <c>i</c> of a number is
/// visible from <c>i × RevealEvery</c>, IDP message <c>j</c> arrives at <c>j × IdpArriveEvery</c>. Each event has a key, the one
/// the test rebuilds from a stored canonical event: <c>carrier|reference|local time</c> (yyyy-MM-ddTHH:mm:ss at the event's offset).
/// </summary>
public sealed class CarrierWorld(FakeCarrierOptions options, DateTimeOffset start)
{
    /// <summary>Local event times start the day before at 08:00 +01:00, ten minutes apart.</summary>
    readonly DateTimeOffset _firstEvent = new(DateTime.SpecifyKind(start.UtcDateTime.Date.AddDays(-1).AddHours(8), DateTimeKind.Unspecified), TimeSpan.FromHours(1));

    public sealed record TrackingEvent(string Number, int Index, DateTimeOffset At, string Key);

    public sealed record IdpMessage(long Id, DateTimeOffset Arrived, DateTimeOffset EventTime, int LatitudeMilliMinutes, string Key);

    public DateTimeOffset Start => start;

    public IReadOnlyList<TrackingEvent> Visible(string carrier, string number, DateTimeOffset now)
    {
        var count = Math.Min(options.EventsPerShipment, (int)((now - start) / options.RevealEvery) + 1);
        return [.. Enumerable.Range(0, count).Select(i => Event(carrier, number, i))];
    }

    public IReadOnlyList<IdpMessage> Arrived(DateTimeOffset now)
    {
        var count = Math.Min(options.IdpMessages, (int)((now - start) / options.IdpArriveEvery) + 1);
        return [.. Enumerable.Range(0, count).Select(Message)];
    }

    /// <summary>Every event key the carrier will ever serve (all revealed), for "missing".</summary>
    public IReadOnlySet<string> AllKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (carrier, numbers) in options.TrackingNumbers)
            foreach (var n in numbers)
                for (var i = 0; i < options.EventsPerShipment; i++) keys.Add(Event(carrier, n, i).Key);
        for (var j = 0; j < options.IdpMessages; j++) keys.Add(Message(j).Key);
        return keys;
    }

    TrackingEvent Event(string carrier, string number, int i)
    {
        var at = _firstEvent.AddMinutes(10 * i);
        return new TrackingEvent(number, i, at, Key(carrier, number, at));
    }

    IdpMessage Message(int j)
    {
        var eventTime = new DateTimeOffset(_firstEvent.UtcDateTime.AddMinutes(j), TimeSpan.Zero);
        return new IdpMessage(5000 + j, start + options.IdpArriveEvery * j, eventTime, 727_668 + 10 * j,
            Key("orbcomm-idp", options.IdpMobileId, eventTime));
    }

    public static string Key(string carrier, string reference, DateTimeOffset at) =>
        $"{carrier}|{reference}|{at.DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}";
}
