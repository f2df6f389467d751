using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.IataFsu;

/// <summary>
/// Status lines → milestones. The status itself becomes its milestone (status-map.json <c>map</c>) at the status
/// airport, actual; the line's times of departure and arrival become DEPARTED / ARRIVED milestones at the departure
/// and arrival airports, planned (S), estimated (E) or actual (A). How each time is found is in status-map.json
/// <c>notes</c>; every event of one line carries the line's text as its source event id (Cargo-IMP statuses have no id),
/// so two parts of one shipment on one flight (DEP …/P2 and DEP …/P18) stay two events.
/// </summary>
static class StatusEvents
{
    public static void Add(FsuMessage message, Instant? sentAt, FsuCodes codes, TranslationContext context, List<CanonicalEvent> output)
    {
        var reference = sentAt ?? context.ReceivedAt;
        var carrierContext = context.Carrier is null ? context with { Carrier = message.Awb.Prefix } : context;
        foreach (var status in message.Statuses)
        {
            var refs = new List<Reference>(1 + status.Ulds.Count) { message.Awb.ToReference() };
            foreach (var uld in status.Ulds) refs.Add(new Reference(RefSchemes.Uld, uld));
            var sourceCode = status.Discrepancy is null ? status.Code : $"{status.Code}/{status.Discrepancy}";
            var sourceEventId = status.Line.Text;
            var flightDate = status.Layout.HasFlightPair;

            EventHeader Header(string airport, ResolvedTime time, string? flag) =>
                EventHeader.For(carrierContext, time, refs, sourceCode, sourceEventId) with
                {
                    Location = new Location(null, airport, null, null),
                    Flags = flag is null ? [] : [flag],
                };

            // A line's times of departure and arrival count from its date: the flight's scheduled departure day on
            // BKD/MAN/DEP/PRE lines, the scheduled arrival day on RCF/ARR/AWR lines. Without a date they cannot be placed.
            var timeInfos = new List<(string Milestone, TimeInfo Info, string Airport)>(2);
            if (status.Date is not null)
            {
                if (status.Departure is { } d) timeInfos.Add((MilestoneCodes.Departed, d, status.Airport!));
                if (status.Arrival is { } a) timeInfos.Add((MilestoneCodes.Arrived, a, status.ArrivalAirport ?? status.Airport!));
            }

            if (codes.TryMilestone(status.Code, out var milestone))
            {
                var airport = status.Airport!;
                var hint = new ZoneHint(Iata: airport);
                (ResolvedTime Time, string? Flag) main;
                // The status's own time: the actual departure (A) of a DEP line, the actual arrival of an ARR/AWR/RCF
                // line without a time of its own.
                var own = timeInfos.FindIndex(t => t.Info.Type == 'A' && t.Milestone == milestone);
                if (own >= 0 && (status.Time is null || flightDate))
                {
                    main = (At(status, timeInfos[own].Info.Time, timeInfos[own].Info.DayChange, hint, reference), null);
                    timeInfos.RemoveAt(own);
                }
                else if (status.Time is { } time)
                    main = (At(status, time, status.TimeDayChange, hint, reference), null);
                else if (codes.MessageTime.Contains(status.Code) && sentAt is { } sent)
                    main = (ResolvedTime.ExplicitUtc(sent), EventFlags.TimeOfMessage);
                else if (status.Date is not null)
                    main = (At(status, LocalTime.Midnight, 0, hint, reference), EventFlags.DateOnly);
                else
                    main = (ResolvedTime.ExplicitUtc(reference), EventFlags.TimeOfMessage);
                output.Add(Header(airport, main.Time, main.Flag).Milestone(milestone, TimeClassifier.ACT));
            }

            foreach (var (code, info, airport) in timeInfos)
            {
                var time = At(status, info.Time, info.DayChange, new ZoneHint(Iata: airport), reference);
                output.Add(Header(airport, time, null).Milestone(code, codes.TimeTypes[info.Type]));
            }
        }
    }

    static ResolvedTime At(StatusLine status, LocalTime time, int days, ZoneHint airport, Instant reference) =>
        FsuTime.Resolve(status.Date!.Value, time, days, airport, reference)
        ?? throw new FsuInputException(status.Line.PositionOf(status.DateElement), "a date that exists in the year of the message", status.Line[status.DateElement]);
}
