using System.Text.Json;

namespace Logistics.Cli.Tests.Commands;

public sealed class ExportEpcisCommandTests
{
    [Fact]
    public void exports_canonical_ndjson_as_an_epcis_document_that_translates_back_to_the_same_events()
    {
        var ndjson = Path.Combine(CliRunner.RepoRoot(), "adapters", "Logistics.Adapters", "DcsaTnt", "Samples", "tnt-220-response.json.expected.ndjson");

        var export = CliRunner.Run("export-epcis", "--created-at", "2026-01-01T00:00:00Z", ndjson);

        Assert.Equal(0, export.ExitCode);
        using (var doc = JsonDocument.Parse(export.Out))
            Assert.Equal("EPCISDocument", doc.RootElement.GetProperty("type").GetString());
        var document = TranslateCommandTests.WriteTemp(export.Out, ".jsonld");
        var back = CliRunner.Run("translate", "--adapter", "epcis2", "--received-at", "2026-01-01T00:00:00Z", document);
        Assert.Equal(0, back.ExitCode);
        Assert.Equal(File.ReadAllText(ndjson), back.Out);
    }

    [Fact]
    public void bad_ndjson_exits_2_naming_the_line()
    {
        var bad = TranslateCommandTests.WriteTemp("{\"eventId\": 1}\n", ".ndjson");

        var result = CliRunner.Run("export-epcis", bad);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("line 1", Assert.Single(result.Error.TrimEnd('\n').Split('\n')));
    }
}
