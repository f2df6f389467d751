using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.IataFsu.FsuSamples;

namespace Logistics.Adapters.Tests.IataFsu;

/// <summary>
/// Cargo-IMP FSU/FSA messages pasted from the IATA Cargo-IMP Manual (34th edition, FSA message examples 6.x) and a
/// real Qatar Airways telex; every expected value below is worked out by hand from the manual's element definitions
/// (status details Ref. 3-22, day change indicators 1.41) and the airports' time zones, not taken from our output.
/// </summary>
public class IataFsuDecoderTests
{
    [Fact]
    public void manual_6_6_departed_with_actual_departure_and_estimated_arrival_next_day()
    {
        var events = Milestones("2026-03-24T21:00:00Z", "FSU/15", "085-22210005BSLBKK/T20", "DEP/SR172/24MAR/BSLKHI/T20/A1930/E0530-N");

        Assert.Equal([(MilestoneCodes.Departed, TimeClassifier.ACT, "BSL"), (MilestoneCodes.Arrived, TimeClassifier.EST, "KHI")], events.Select(What));
        // A1930: actual departure at Basel, an airport without a zone in the table: taken as UTC and marked so.
        Assert.Equal((Utc("2026-03-24T19:30:00Z"), OffsetSource.AssumedUtc), (events[0].OccurredAt, events[0].OffsetSource));
        // E0530-N: estimated 05:30 on the day after the flight date at Karachi (PKT, +05:00) = 00:30 UTC on the 25th.
        Assert.Equal((Utc("2026-03-25T00:30:00Z"), Offset.FromHours(5), OffsetSource.Inferred), (events[1].OccurredAt, events[1].OccurredAtOffset, events[1].OffsetSource));
        Assert.All(events, e => Assert.Equal(["awb:085-22210005"], e.Refs.Select(r => r.ToString())));
        Assert.All(events, e => Assert.Equal(("085", "DEP"), (e.Source.Carrier, e.Source.SourceCode)));
        Assert.Empty(events[1].Flags); // an estimate is never flagged as a clock in the future
    }

    [Fact]
    public void qatar_booking_in_type_b_envelope_is_booked_when_sent_with_the_flight_plan()
    {
        // SOH, address line, origin line (sent on the 20th at 07:39 GMT), STX, text, ETX — as the telex arrives.
        var raw = "\u0001QD SELPRCR\r\n.HDQFMQR 200739\r\n\u0002FSU/14\r\n157-66792751ICNVIE/T25K4532.00\r\n"
                  + "BKD/QR8985/21JUN/ICNDOH/P3K524.00/S0310/S0650/MC4.761\r\n\u0003";
        var events = Assert.IsType<Translated>(TranslateBytes(System.Text.Encoding.ASCII.GetBytes(raw), "2026-06-20T07:45:00Z"))
            .Events.Cast<MilestoneEvent>().ToList();

        Assert.Equal([(MilestoneCodes.Booked, TimeClassifier.ACT, "ICN"), (MilestoneCodes.Departed, TimeClassifier.PLN, "ICN"),
            (MilestoneCodes.Arrived, TimeClassifier.PLN, "DOH")], events.Select(What));
        // The BKD line dates the flight, not the booking: BOOKED is when the status was sent (origin line, GMT).
        Assert.Equal((Utc("2026-06-20T07:39:00Z"), Offset.Zero, OffsetSource.Explicit), (events[0].OccurredAt, events[0].OccurredAtOffset, events[0].OffsetSource));
        Assert.Equal([EventFlags.TimeOfMessage], events[0].Flags);
        // S0310 at Incheon (KST, +09:00) on 21 June = 18:10 UTC on the 20th; S0650 at Doha (AST, +03:00) = 03:50 UTC.
        Assert.Equal(Utc("2026-06-20T18:10:00Z"), events[1].OccurredAt);
        Assert.Equal(Utc("2026-06-21T03:50:00Z"), events[2].OccurredAt);
        Assert.Equal("157", events[0].Source.Carrier); // Qatar Airways' airline prefix
    }

    [Fact]
    public void delivered_before_midnight_on_31_december_is_last_year_when_received_on_1_january()
    {
        var events = Milestones("2026-01-01T05:12:00Z", "FSU/14", "020-12345675FRAJFK/T2K35.0", "DLV/31DEC2350/JFK/T2/MCLARK");

        var e = Assert.Single(events);
        // 23:50 EST (-05:00) on 31 December 2025 = 04:50 UTC on 1 January 2026.
        Assert.Equal((Utc("2026-01-01T04:50:00Z"), Offset.FromHours(-5)), (e.OccurredAt, e.OccurredAtOffset));
        Assert.Equal((MilestoneCodes.Delivered, "JFK"), (e.Milestone.Code, e.Location?.Name));
    }

    [Fact]
    public void the_year_is_the_one_nearest_to_reception_in_both_directions()
    {
        Assert.Equal(Utc("2025-12-31T00:00:00Z"), Assert.Single(Milestones("2026-01-02T10:00:00Z", "FSU/14", "057-12345675BOGNCE/T3", "DLV/31DEC/LHR/T3")).OccurredAt);
        Assert.Equal(Utc("2027-01-02T09:00:00Z"), Assert.Single(Milestones("2026-12-30T10:00:00Z", "FSU/14", "057-12345675BOGNCE/T3", "DLV/02JAN1000/CDG/T3")).OccurredAt);
    }

    [Fact]
    public void manual_6_14_discrepancy_keeps_its_code_and_the_osi_continuation_is_not_a_status()
    {
        var e = Assert.Single(Milestones("2026-06-12T10:00:00Z", "FSA/15", "057-12345675CAYLHR/T1", "DIS/AF321/12JUN0930/LHR/MSAW/T1",
            "OSI/MISSING AWB BEING FORWARDED TO ARRIVE ON 13 JUN.", "/IF DELAYED WILL COMPLETE SUBSTITUTE AWB"));

        Assert.Equal((MilestoneCodes.Exception, TimeClassifier.ACT, "DIS/MSAW"), (e.Milestone.Code, e.Milestone.Classifier, e.Source.SourceCode));
        Assert.Equal(Utc("2026-06-12T08:30:00Z"), e.OccurredAt); // 09:30 BST at Heathrow
    }

    [Fact]
    public void manual_6_24_two_parts_on_one_flight_stay_two_departures_and_the_uld_belongs_to_the_second()
    {
        var events = Milestones("2026-03-25T06:00:00Z", "FSA/15", "085-12345675BSLBKK/T20", "DEP/SR172/24MAR/ZRHBKK/P2", "DEP/SR172/24MAR/ZRHBKK/P18", "ULD/AVM98676SR");

        Assert.Equal(2, events.Count);
        Assert.NotEqual(events[0].EventId, events[1].EventId);
        Assert.Equal(["awb:085-12345675"], events[0].Refs.Select(r => r.ToString()));
        Assert.Equal(["awb:085-12345675", "uld:AVM98676SR"], events[1].Refs.Select(r => r.ToString()));
        // No departure time on the lines: the flight date at Zurich, local midnight (CET), flagged date-only.
        Assert.All(events, e => Assert.Equal(Utc("2026-03-23T23:00:00Z"), e.OccurredAt));
        Assert.All(events, e => Assert.Equal([EventFlags.DateOnly], e.Flags));
    }

    [Fact]
    public void manual_6_26_arrival_and_6_3_received_from_flight_are_local_at_frankfurt()
    {
        var arr = Assert.Single(Milestones("2026-07-10T06:00:00Z", "FSA/15", "020-12345675LAXJED/T12", "ARR/LH451/10JUL0700/FRA/T12"));
        var rcf = Assert.Single(Milestones("2026-07-10T06:00:00Z", "FSA/15", "020-12345675LAXJED/T12", "RCF/LH451/10JUL0700/FRA/T12"));

        Assert.Equal((MilestoneCodes.Arrived, Utc("2026-07-10T05:00:00Z")), (arr.Milestone.Code, arr.OccurredAt)); // 07:00 CEST
        Assert.Equal((MilestoneCodes.Unloaded, Utc("2026-07-10T05:00:00Z")), (rcf.Milestone.Code, rcf.OccurredAt));
    }

    [Fact]
    public void manual_6_15_transfer_plan_without_date_gives_no_milestone_and_the_booking_estimates_arrival()
    {
        var events = Milestones("2026-02-16T06:00:00Z", "FSA/15", "125-22230003BHXTUL/T13", "RCS/15FEB1800/BHX/T13/SHIPPERNAME",
            "BKD/BA999/16FEB/LHRORD/T13/S1200/E1600", "TRM/AA/ORD/T13");

        Assert.Equal([(MilestoneCodes.PickedUp, TimeClassifier.ACT, "BHX"), (MilestoneCodes.Booked, TimeClassifier.ACT, "LHR"),
            (MilestoneCodes.Departed, TimeClassifier.PLN, "LHR"), (MilestoneCodes.Arrived, TimeClassifier.EST, "ORD")], events.Select(What));
        Assert.Equal(Utc("2026-02-16T22:00:00Z"), events[3].OccurredAt); // E1600 at O'Hare (CST, -06:00)
        Assert.Equal([EventFlags.DateOnly], events[1].Flags); // no envelope: booked for the flight of 16 February
    }

    [Fact]
    public void previous_day_indicator_moves_the_arrival_back_one_day()
    {
        var events = Milestones("2026-05-10T00:00:00Z", "FSU/14", "176-12345675DXBSYD/T1", "DEP/EK412/10MAY/SYDAKL/T1/A0100/S0030-P");
        // S0030-P: 00:30 on 9 May at Auckland (NZST, +12:00) = 12:30 UTC on 8 May.
        Assert.Equal((MilestoneCodes.Arrived, TimeClassifier.PLN, Utc("2026-05-08T12:30:00Z")), (events[1].Milestone.Code, events[1].Milestone.Classifier, events[1].OccurredAt));
    }

    [Fact]
    public void unknown_status_code_is_rejected_naming_its_line()
    {
        Assert.StartsWith("at line 3 (XYZ): expected a status code listed in iata-fsu status-map.json",
            Rejection("2026-01-01T00:00:00Z", "FSU/14", "057-12345675BOGNCE/T3", "XYZ/27OCT1300/NCE/T3"));
        Assert.StartsWith("at line 5 (FIW):", Rejection("2026-06-20T08:00:00Z", "QD SIN05XH", ".HDQFMQR 200739", "FSU/14", "157-53806270HKGNLU/P2K505.0T10",
            "FIW/QR8403/20JUN1039/DOH/P2K505.0/S0720/A1008"));
    }

    [Fact]
    public void air_waybill_check_digit_is_verified()
    {
        Assert.Equal("at line 2 (consignment detail): expected an air waybill number with a valid check digit, found 057-12345676 (check digit 5 expected, found 6)",
            Rejection("2026-01-01T00:00:00Z", "FSU/15", "057-12345676BOGNCE/T3", "DLV/27OCT1300/NCE/T3"));
    }

    [Fact]
    public void a_time_of_departure_on_a_received_from_flight_line_is_rejected()
    {
        // Cargo-IMP FSA55: the time of departure shall not be included in the RCF status line.
        Assert.StartsWith("at line 3 (RCF) element 5: expected no time of departure on a RCF line",
            Rejection("2026-07-10T06:00:00Z", "FSU/15", "020-12345675LAXJED/T12", "RCF/LH451/10JUL0700/FRA/T12/S0600/A0700"));
    }

    [Fact]
    public void documents_statuses_give_no_milestone()
    {
        var result = Assert.IsType<Translated>(Translate("2026-07-17T16:00:00Z", "FSA/15", "057-12345675MEXSTO/T10", "AWD/17JUL1530/ARN/T10"));
        Assert.Empty(result.Events);
    }
}
