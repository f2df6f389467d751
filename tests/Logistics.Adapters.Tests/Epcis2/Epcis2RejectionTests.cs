namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>Rejections name the JSON path, what was expected and what was found.</summary>
public class Epcis2RejectionTests
{
    const string Event = """{"type":"ObjectEvent","eventTime":"2025-03-04T08:15:00Z","eventTimeZoneOffset":"+00:00","epcList":["urn:epc:id:bic:MSKU1234565"],"action":"OBSERVE",""";

    [Theory]
    [InlineData(Event + "\"bizStep\":7}", "at $.bizStep: expected a string, found 7")]
    [InlineData(Event + "\"readPoint\":\"geo:1,2\"}", "at $.readPoint: expected an object with an id, found \"geo:1,2\"")]
    [InlineData(Event + "\"readPoint\":{\"id\":\"geo:91,2\"}}", "at $.readPoint.id: expected a geo URI with latitude -90..90")]
    [InlineData(Event + "\"sensorElementList\":[{\"sensorReport\":[{\"type\":\"Temperature\",\"value\":\"cold\",\"uom\":\"CEL\"}]}]}",
        "at $.sensorElementList[0].sensorReport[0].value: expected a number, found \"cold\"")]
    [InlineData("""{"type":"EPCISDocument","epcisBody":{"eventList":{}}}""", "at $.epcisBody.eventList: expected an array of EPCIS events, found an object")]
    [InlineData("""{"type":"EPCISDocument","epcisBody":{"eventList":[42]}}""", "at $.epcisBody.eventList[0]: expected an EPCIS event object, found 42")]
    [InlineData("""{"type":"Invoice"}""", "at $.type: expected EPCISDocument, EPCISQueryDocument or an EPCIS event type")]
    [InlineData("""{"type":"AssociationEvent","eventTime":"2025-03-04T08:15:00Z","action":"ADD","childEPCs":["urn:epc:id:giai:1.2"]}""",
        "at $.parentID: expected the parent identifier of an ADD")]
    public void a_wrong_member_is_rejected_with_its_path(string json, string message) =>
        Assert.Contains(message, Epcis2Fixture.Rejection(json).Message);

    [Fact]
    public void trailing_text_after_the_document_is_rejected() =>
        Assert.Contains("at $ (line 1, position 54): expected well-formed JSON, found Additional text encountered after finished reading JSON content", Epcis2Fixture.Rejection("{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[]}} {}").Message);
}
