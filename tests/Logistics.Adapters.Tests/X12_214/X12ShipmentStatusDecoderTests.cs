using System.Text;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using static Logistics.Adapters.Tests.X12_214.X12Samples;

namespace Logistics.Adapters.Tests.X12_214;

public class X12ShipmentStatusDecoderTests
{
    [Fact]
    public void edifabric_sample_arrival_in_central_time_with_ms1_coordinates()
    {
        var e = Assert.Single(Events("x12-214-ShipmentStatus.edi"));
        Assert.Equal(("X3", MilestoneCodes.Arrived, TimeClassifier.ACT), (e.Source.SourceCode, e.Milestone.Code, e.Milestone.Classifier));
        Assert.Equal(Utc("1997-09-25T13:30:00Z"), e.OccurredAt); // 08:30 CT in September is CDT
        Assert.Equal((Offset.FromHours(-5), OffsetSource.Explicit), (e.OccurredAtOffset, e.OffsetSource));
        Assert.Equal(["pro:123456", "container:55555555"], e.Refs.Select(r => r.ToString()));
        Assert.Equal(new Location(null, "DECORAH, IA, US", 43.31, -91.790556), e.Location); // 043°18'36"N 091°47'26"W
        Assert.Equal("BAWC", e.Source.Carrier);
        Assert.Equal([EventFlags.ClockBefore2000], e.Flags);
    }

    [Fact]
    public void pipe_separated_interchange_with_two_transactions_and_time_codes()
    {
        var events = Events("x12-214-pipe-two-transactions.edi");
        Assert.Equal(["AF", "X6", "AG", "D1", "SD"], events.Select(e => e.Source.SourceCode));
        Assert.Equal(Offset.FromHours(-7), events[0].OccurredAtOffset); // PT after the 2025-03-09 DST change
        Assert.Equal(Utc("2025-03-14T10:10:00Z"), events[1].OccurredAt); // ED: fixed -04:00
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.EST), (events[2].Milestone.Code, events[2].Milestone.Classifier));
        Assert.Equal("COLD STORE DC 4, ATLANTA, GA 30336, US", events[2].Location?.Name); // AG at the consignee
        Assert.Equal((Utc("2025-03-13T22:15:00Z"), Offset.Zero), (events[3].OccurredAt, events[3].OccurredAtOffset)); // UT
        Assert.Equal(Offset.FromHours(-6), events[4].OccurredAtOffset); // CS
        Assert.Equal(["pro:1234567890", "shipment:SH-20250312-01", "bol:BOL778899", "container:SAIA482113"], events[0].Refs.Select(r => r.ToString()));
        Assert.Equal("pro:1234567891", events[3].Refs[0].ToString());
    }

    [Fact]
    public void missing_at707_infers_zone_from_ms1_or_party_else_assumes_utc()
    {
        var events = Events("x12-214-newline-local-times.edi");
        Assert.Equal((Utc("2025-03-31T14:45:00Z"), OffsetSource.Inferred), (events[0].OccurredAt, events[0].OffsetSource)); // Yakima, WA (ship-from)
        Assert.Equal((Offset.FromHours(-6), "container:MAEU1234565"), (events[1].OccurredAtOffset, events[1].Refs[^1].ToString())); // Boise, ID
        Assert.Equal(Utc("2025-04-02T10:30:12Z"), events[2].OccurredAt); // LT in Memphis, TN
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.PLN), (events[3].Milestone.Code, events[3].Milestone.Classifier)); // AT703 AB
        Assert.Equal((Utc("2025-04-01T23:00:00Z"), OffsetSource.AssumedUtc), (events[4].OccurredAt, events[4].OffsetSource));
    }

    [Fact]
    public void bad_date_names_segment_and_element()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "x12-214-ShipmentStatus.edi")).Replace("*19970925*", "*2024133*", StringComparison.Ordinal);
        var rejected = Assert.IsType<Rejected>(TranslateBytes(Encoding.UTF8.GetBytes(text)));
        Assert.Equal("at segment 12 (AT7) element 05: expected a date CCYYMMDD, found 2024133", rejected.Rejection.Message);
    }
}
