using Logistics.Adapters.Epcis2.Export;
using Logistics.Canonical.Json;
using NodaTime;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>What we export is an EPCIS 2.0 document by GS1's own schema.</summary>
public class EpcisExportSchemaTests
{
    [Fact]
    public void gs1s_own_examples_pass_the_schema_so_the_check_is_real()
    {
        foreach (var name in new[] { "SensorDataExample1.jsonld", "AssociationEvent-a.jsonld" })
            Assert.Empty(EpcisSchema.Errors(File.ReadAllText(Epcis2Fixture.Sample(name))));
        Assert.NotEmpty(EpcisSchema.Errors("""{"type":"EPCISDocument","schemaVersion":"2.0","epcisBody":{"eventList":[]}}"""));
        Assert.NotEmpty(EpcisSchema.Errors("""
            {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0",
             "creationDate":"2026-01-01T00:00:00Z","epcisBody":{"eventList":[{"type":"ObjectEvent","action":"OBSERVE","epcList":[],
             "eventTime":"yesterday","eventTimeZoneOffset":"+00:00"}]}}
            """)); // format checks are on: a date-time that is not one fails
    }

    [Fact]
    public void the_export_of_every_sample_and_of_every_kind_validates()
    {
        var events = RoundTripData.SampleEvents().Concat(RoundTripData.EveryKind()).ToList();

        var export = EpcisExporter.Export(events, Instant.FromUtc(2026, 2, 3, 4, 5, 6));

        Assert.Equal("", string.Join('\n', EpcisSchema.Errors(export.Json)));
        Assert.Contains("\"creationDate\": \"2026-02-03T04:05:06Z\"", export.Json);
        Assert.Contains("\"schemaVersion\": \"2.0\"", export.Json);
    }

    [Fact]
    public void bizsteps_are_cbv_short_names_and_values_are_celsius()
    {
        var export = EpcisExporter.Export(CanonicalJson.FromNdjson(
            File.ReadAllText(Epcis2Fixture.Sample("reefer-departing-fahrenheit.jsonld.expected.ndjson"))), Instant.FromUtc(2026, 1, 1, 0, 0));

        Assert.Contains("\"bizStep\": \"departing\"", export.Json);
        Assert.Contains("\"value\": 3.5,", export.Json);
        Assert.Contains("\"uom\": \"CEL\"", export.Json);
        Assert.Contains("\"readPoint\": {\n          \"id\": \"geo:40.6681,-74.1156\"", export.Json.ReplaceLineEndings("\n"));
        Assert.Contains("\"https://id.gs1.org/00/106141412345678908\"", export.Json);
        Assert.Empty(export.NotExported);
    }
}
