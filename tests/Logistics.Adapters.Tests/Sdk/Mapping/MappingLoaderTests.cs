using System.Text;
using Logistics.Adapters.Sdk.Mapping;

namespace Logistics.Adapters.Tests.Sdk.Mapping;

/// <summary>A mapping is checked when it loads: every problem at once, each naming the member of mapping.json.</summary>
public sealed class MappingLoaderTests
{
    public const string Minimal = """
        {"id": "acme-parcel", "family": "parcel", "description": "test", "document": "an Acme tracking response",
         "inbound": ["poll"], "carriers": ["ACME"], "source": "written for the test",
         "events": [{"select": "$.events[*]", "code": {"path": "@.code", "table": "codes"}, "time": "@.time",
                     "refs": [{"scheme": "tracking", "path": "$.id"}]}],
         "tables": {"codes": {"DLV": "DELIVERED", "INF": null}}}
        """;

    static IReadOnlyList<string> Problems(string json)
    {
        MappingLoader.Load(Encoding.UTF8.GetBytes(json), out var problems);
        return problems;
    }

    [Fact]
    public void a_correct_mapping_loads_with_its_adapter_info()
    {
        var definition = MappingLoader.Load(Encoding.UTF8.GetBytes(Minimal), out var problems);
        Assert.Empty(problems);
        Assert.Equal(("acme-parcel", "parcel", "poll"), (definition!.Info.Id, definition.Info.Family, string.Join(",", definition.Info.ModeNames())));
        Assert.Equal(["ACME"], definition.Info.Carriers);
    }

    [Theory]
    [InlineData("\"id\": \"acme-parcel\"", "\"id\": \"Acme Parcel\"", "$.id: 'Acme Parcel' is not a kebab-case adapter id")]
    [InlineData("\"family\": \"parcel\"", "\"family\": \"boat\"", "$.family: 'boat' is not one of")]
    [InlineData("\"inbound\": [\"poll\"]", "\"inbound\": [\"pigeon\"]", "$.inbound: 'pigeon' is not one of webhook, poll, file")]
    [InlineData("\"select\": \"$.events[*]\"", "\"select\": \"events[*]\"", "$.events[0].select: at character 1 of 'events[*]': expected $")]
    [InlineData("\"table\": \"codes\"", "\"table\": \"kodes\"", "$.events[0].code.table: no table 'kodes' in $.tables")]
    [InlineData("\"DELIVERED\"", "\"ARRIVED_SAFELY\"", "$.tables.codes.DLV: 'ARRIVED_SAFELY' is not a milestone code (or null: no event)")]
    [InlineData("\"scheme\": \"tracking\"", "\"scheme\": \"parcel\"", "$.events[0].refs[0].scheme: 'parcel' is not a reference scheme")]
    [InlineData("\"time\": \"@.time\"", "\"time\": {\"path\": \"@.time\", \"format\": \"dd/MM/yyyy hh:mm zz\"}", "$.events[0].time.format: 'dd/MM/yyyy hh:mm zz' is not iso, unix, unix-ms, ms-json or a NodaTime pattern")]
    [InlineData("\"time\": \"@.time\"", "\"time\": {\"path\": \"@.time\", \"zone\": \"Mars/Olympus\"}", "$.events[0].time.zone: 'Mars/Olympus' is not a TZDB zone id")]
    [InlineData("\"select\": \"$.events[*]\",", "\"selct\": \"$.events[*]\",", "$.events[0].selct: not a member of a mapping here")]
    [InlineData("\"code\": {\"path\": \"@.code\", \"table\": \"codes\"}", "\"code\": {\"path\": \"@.code\", \"table\": \"codes\", \"unknown\": \"keep\"}", "an unknown status code is always rejected")]
    [InlineData("\"time\": \"@.time\",", "", "$.events[0].time: every rule needs the event time")]
    public void each_mistake_is_a_problem_naming_its_member(string replace, string with, string problem)
    {
        var problems = Problems(Minimal.Replace(replace, with, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void several_mistakes_are_reported_together()
    {
        var broken = Minimal.Replace("\"family\": \"parcel\"", "\"family\": \"boat\"", StringComparison.Ordinal)
            .Replace("\"table\": \"codes\"", "\"table\": \"kodes\"", StringComparison.Ordinal);
        Assert.Equal(2, Problems(broken).Count);
    }

    [Fact]
    public void a_file_that_is_not_json_is_one_problem_not_an_exception() =>
        Assert.StartsWith("at $.id (line 1", Assert.Single(Problems("{\"id\": ")), StringComparison.Ordinal);

    [Fact]
    public void a_regular_expression_that_would_backtrack_is_refused()
    {
        var mapping = Minimal.Replace("\"time\": \"@.time\",", "\"time\": \"@.time\", \"location\": {\"country\": {\"path\": \"@.place\", \"match\": \"(a)\\\\1\"}},", StringComparison.Ordinal);
        Assert.Contains(Problems(mapping), p => p.Contains("$.events[0].location.country.match", StringComparison.Ordinal));
    }
}
