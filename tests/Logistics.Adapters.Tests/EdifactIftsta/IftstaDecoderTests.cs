using System.Runtime.CompilerServices;
using System.Text;
using Logistics.Adapters.EdifactIftsta;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.EdifactIftsta;

/// <summary>
/// IFTSTA interchanges pasted from EdiFabric's EANCOM example and written from the UN/EDIFACT D.96A structure; expected
/// values are read by hand from the EANCOM 1997 IFTSTA segment layouts (STS 9011: 1 arrived, 13 collected, 21 delivered,
/// 31 en route, 49 lost; DTM 2005: 137 message date, 334 status change date/time, 17 estimated delivery, 40E next status
/// report date; 2379: 102 CCYYMMDD, 203 CCYYMMDDHHMM) and ISO 9735 (UNA service characters, release character).
/// </summary>
public class IftstaDecoderTests
{
    static readonly string Folder = Find("adapters/Logistics.Adapters/EdifactIftsta/Samples");

    static TranslationResult Translate(byte[] raw)
    {
        var context = TranslationContext.For("edifact-iftsta", raw, InstantPattern.ExtendedIso.Parse("2026-01-01T00:00:00Z").Value);
        return Guard.Translate(new EdifactIftstaAdapter(), raw, context);
    }

    static IReadOnlyList<MilestoneEvent> Milestones(string text) =>
        Assert.IsType<Translated>(Translate(Encoding.UTF8.GetBytes(text))).Events.Cast<MilestoneEvent>().ToList();

    static IReadOnlyList<MilestoneEvent> Sample(string file) =>
        Assert.IsType<Translated>(Translate(File.ReadAllBytes(Path.Combine(Folder, file)))).Events.Cast<MilestoneEvent>().ToList();

    static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    static string Refs(CanonicalEvent e) => string.Join(" ", e.Refs.Select(r => r.ToString()));

    [Fact]
    public void eancom_example_consignments_and_their_statuses()
    {
        var events = Sample("eancom-d96a-transport-status.edi");

        Assert.Equal(["21", "31", "17/39", "49", "21", "21"], events.Select(e => e.Source.SourceCode));
        // CNI+1+4215A / STS+1+21 / DTM+334:200202011450:203: delivered at 14:50 on 1 February 2002, no place: UTC assumed.
        Assert.Equal((MilestoneCodes.Delivered, Utc("2002-02-01T14:50:00Z"), OffsetSource.AssumedUtc, "shipment:4215A"),
            (events[0].Milestone.Code, events[0].OccurredAt, events[0].OffsetSource, Refs(events[0])));
        // STS+1+31 en route has only DTM+40E (when the next report comes): it is dated by the message, DTM+137:20020204.
        Assert.Equal((MilestoneCodes.InTransit, Utc("2002-02-04T00:00:00Z")), (events[1].Milestone.Code, events[1].OccurredAt));
        Assert.Equal([EventFlags.TimeOfMessage], events[1].Flags);
        // LOC+16E+:::H.MCUSTOMS AND EXCISE LONDON HEATHROW AIRPORT: a name in C517 component 4, no code.
        Assert.Equal("H.MCUSTOMS AND EXCISE LONDON HEATHROW AIRPORT", events[2].Location?.Name);
        Assert.Equal([EventFlags.DateOnly], events[2].Flags); // DTM+334:20020115:102
        // CNI+4: one pallet lost (49), two delivered (21); each status is about the SSCC in its group, then the consignment.
        Assert.Equal((MilestoneCodes.Exception, "sscc:354107380000001068 shipment:7655S"), (events[3].Milestone.Code, Refs(events[3])));
        Assert.Equal("sscc:354107380000001051 shipment:7655S", Refs(events[4]));
        Assert.Equal("sscc:354123451234567892 shipment:7655S", Refs(events[5]));
        Assert.NotEqual(events[4].EventId, events[5].EventId);
    }

    [Fact]
    public void the_original_example_is_rejected_at_its_impossible_date()
    {
        var rejected = Assert.IsType<Rejected>(Translate(File.ReadAllBytes(Path.Combine(Folder, "rejects/edifabric-eancom-impossible-date.edi"))));
        // Segment 21 counting UNB as 1: the DTM after CNI+4 / STS+1+49.
        Assert.Equal("at segment 21 (DTM) element 1 component 2: expected a date CCYYMMDD (format 102), found 20020148", rejected.Rejection.Message);
    }

    [Fact]
    public void una_declares_the_separators_and_the_release_character()
    {
        // UNA#*.! ~ : component '#', element '*', decimal '.', release '!', segment terminator '~'.
        var e = Assert.Single(Milestones("UNA#*.! ~UNB*UNOA#2*S*R*250101#1200*1~UNH*1*IFTSTA#D#96A#UN~DTM*137#20250101#102~"
            + "CNI*1*A!*B!~C~STS*1*13~DTM*334#202501011200#203~UNT*6*1~UNZ*1*1~"));
        Assert.Equal(("shipment:A*B~C", MilestoneCodes.PickedUp), (Refs(e), e.Milestone.Code));
    }

    [Fact]
    public void default_separators_without_una_and_a_released_apostrophe()
    {
        var e = Assert.Single(Milestones("UNB+UNOA:2+S+R+250101:1200+1'UNH+1+IFTSTA:D:96A:UN'DTM+137:20250101:102'"
            + "CNI+1+O?'BRIEN?+SONS'STS+1+21'DTM+334:202501011200:203'UNT+6+1'UNZ+1+1'"));
        Assert.Equal("shipment:O'BRIEN+SONS", Refs(e));
    }

    [Fact]
    public void local_times_take_the_zone_of_the_status_unlocode_and_explicit_offsets_are_kept()
    {
        var events = Sample("iftsta-una-release-character.edi");

        // 08:15 at NLRTM on 13 March (CET, +01:00) = 07:15 UTC.
        Assert.Equal((Utc("2025-03-13T07:15:00Z"), Offset.FromHours(1), OffsetSource.Inferred), (events[0].OccurredAt, events[0].OccurredAtOffset, events[0].OffsetSource));
        Assert.Equal(new Location("NLRTM", "ROTTERDAM WAALHAVEN: PIER 2", null, null), events[0].Location);
        // DTM+17 after STS+1+31: an estimated delivery at 12:00 on the 15th, read in the status place's zone (Hamburg, CET).
        Assert.Equal((MilestoneCodes.Delivered, TimeClassifier.EST, Utc("2025-03-15T11:00:00Z")), (events[2].Milestone.Code, events[2].Milestone.Classifier, events[2].OccurredAt));
        Assert.Null(events[2].Location);
        Assert.StartsWith("container:MSKU1234565", Refs(events[1]));
        // DTM+334:202503141045+0100:205: the sender's own offset, explicit.
        Assert.Equal((Utc("2025-03-14T09:45:00Z"), OffsetSource.Explicit), (events[3].OccurredAt, events[3].OffsetSource));
        Assert.Equal("sscc:087123450000000011 sscc:087123450000000028 shipment:SHP-778813", Refs(events[3]));
    }

    [Fact]
    public void format_303_utc_bill_of_lading_and_air_waybill_references()
    {
        var events = Sample("iftsta-no-una-several-statuses.edi");

        Assert.Equal((MilestoneCodes.CustomsReleased, Utc("2025-06-02T11:30:00Z"), OffsetSource.Explicit), (events[0].Milestone.Code, events[0].OccurredAt, events[0].OffsetSource));
        Assert.Equal("shipment:CON-4471 awb:020-12345675 bol:HLCUHAM2505AB12", Refs(events[0]));
        Assert.Equal("54/231", events[1].Source.SourceCode); // not collected, reason 231 (payment not received)
        Assert.Equal((MilestoneCodes.Arrived, "container:HLXU3141597"), (events[2].Milestone.Code, events[2].Refs[0].ToString()));
    }

    [Fact]
    public void unknown_status_code_names_segment_and_element()
    {
        var rejected = Assert.IsType<Rejected>(Translate(Encoding.ASCII.GetBytes(
            "UNB+UNOA:2+S+R+250101:1200+1'UNH+1+IFTSTA:D:96A:UN'DTM+137:20250101:102'CNI+1+X1'STS+1+998'UNT+5+1'UNZ+1+1'")));
        Assert.Equal("at segment 5 (STS) element 2: expected a status code listed in edifact-iftsta status-map.json, found 998", rejected.Rejection.Message);
    }

    [Fact]
    public void goods_before_any_consignment_belong_to_the_message_and_give_no_status()
    {
        // Found by the fuzz run (input #8465, splice): a GIN+BJ before any CNI crashed the reader.
        Assert.Empty(Milestones("UNB'UNH++IFTSTA'GIN+BJ+354123451234567892'UNT+'"));
        var e = Assert.Single(Milestones("UNB+UNOA:2+S+R+250101:1200+1'UNH+1+IFTSTA:D:96A:UN'DTM+137:20250101:102'GIN+BJ+354123451234567892'"
            + "CNI+1+X1'STS+1+21'DTM+334:202501011200:203'UNT+7+1'UNZ+1+1'"));
        Assert.Equal("shipment:X1 sscc:354123451234567892", Refs(e));
    }

    static string Find(string relative, [CallerFilePath] string here = "")
    {
        foreach (var start in (string?[])[Path.GetDirectoryName(here), AppContext.BaseDirectory])
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException(relative);
    }
}
