using Logistics.Gxp.Profiles;

namespace Logistics.Gxp.Tests;

public class ProfileTests
{
    const string GxpMdExample = """
        {
          "name": "2-8 °C controlled cold",
          "loggingIntervalMinutes": 10,
          "ignoreStartMinutes": 0,
          "ignoreEndMinutes": 0,
          "zones": [
            {"id": "H1", "direction": "above", "limitCelsius": 8,  "mode": "single",     "delayMinutes": 30, "severity": "alarm"},
            {"id": "H2", "direction": "above", "limitCelsius": 8,  "mode": "cumulative", "delayMinutes": 60, "severity": "alarm"},
            {"id": "H3", "direction": "above", "limitCelsius": 25, "mode": "single",     "delayMinutes": 0,  "severity": "alarm"},
            {"id": "L1", "direction": "below", "limitCelsius": 2,  "mode": "single",     "delayMinutes": 0,  "severity": "alarm"}
          ],
          "mkt": {"activationEnergyKJPerMol": 83.144, "maxCelsius": 8}
        }
        """;

    [Fact]
    public void the_example_of_gxp_md_parses()
    {
        var p = ProfileParser.Read(GxpMdExample).Value!;
        Assert.Equal(4, p.Zones.Count);
        Assert.Equal(new ExcursionZone("H2", ZoneDirection.Above, 8, ZoneMode.Cumulative, 60, Severity.Alarm), p.Zones[1]);
        Assert.Equal(new MktRule(83.144, 8, null), p.Mkt);
        Assert.Equal("unversioned", p.Version);
        Assert.False(p.IsFrozen);
    }

    [Theory]
    [InlineData("\"mode\": \"single\",     \"delayMinutes\": 30", "\"mode\": \"singel\",     \"delayMinutes\": 30", "profile $.zones[0].mode: unknown zone mode 'singel' (expected 'single' or 'cumulative')")]
    [InlineData("\"limitCelsius\": 25, ", "", "profile $.zones[2].limitCelsius: missing")]
    [InlineData("\"delayMinutes\": 60", "\"delayMinutes\": -5", "profile $.zones[1].delayMinutes: must not be negative (got -5)")]
    [InlineData("\"direction\": \"below\"", "\"direction\": \"under\"", "profile $.zones[3].direction: unknown direction 'under' (expected 'above' or 'below')")]
    [InlineData("\"loggingIntervalMinutes\": 10", "\"loggingIntervalMinutes\": 0", "profile $.loggingIntervalMinutes: must be greater than 0 (got 0)")]
    [InlineData("\"loggingIntervalMinutes\": 10", "\"loggingIntervalMinutes\": \"10\"", "profile $.loggingIntervalMinutes: expected a number, got a string")]
    [InlineData("\"ignoreEndMinutes\": 0", "\"ignoreEndMinute\": 0", "profile $.ignoreEndMinute: unknown field")]
    [InlineData("\"id\": \"L1\"", "\"id\": \"H1\"", "profile $.zones: duplicate id 'H1'")]
    [InlineData("\"maxCelsius\": 8}", "\"maxCelsius\": 8, \"windowHours\": -1}", "profile $.mkt.windowHours: must be greater than 0 (got -1)")]
    [InlineData("\"severity\": \"alarm\"}\n", "\"severity\": \"fatal\"}\n", "profile $.zones[3].severity: unknown severity 'fatal'")]
    public void invalid_profiles_fail_naming_the_path_and_the_problem(string find, string replace, string expected)
    {
        var json = GxpMdExample.Replace(find, replace);
        Assert.NotEqual(GxpMdExample, json);
        var result = ProfileParser.Read(json);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.StartsWith(expected, result.Error!.Message);
        Assert.Equal("profile", result.Error.Input);
        Assert.StartsWith(result.Error.Location, expected["profile ".Length..]);
    }

    [Fact]
    public void broken_json_names_the_line() =>
        Assert.StartsWith("profile $: invalid JSON (line 2", ProfileParser.Read("{\n  \"name\": ,\n}").Error!.Message);

    [Fact]
    public void without_an_mkt_maximum_mkt_is_computed_and_reported_but_no_mkt_rule_alarms()
    {
        var p = ProfileParser.Read(GxpMdExample.Replace("\"activationEnergyKJPerMol\": 83.144, \"maxCelsius\": 8", "\"activationEnergyKJPerMol\": 83.144")).Value!;
        Assert.Equal(new MktRule(83.144, null, null), p.Mkt);
        Assert.DoesNotContain("maxCelsius", ProfileJson.ToJson(p));
        // 12 °C throughout: MKT 12 °C, above 8 °C — but without a maximum there is no MKT alarm (the zones still judge).
        var noZones = p with { Zones = [new ExcursionZone("H3", ZoneDirection.Above, 25, ZoneMode.Single, 0, Severity.Alarm)] };
        var a = Logistics.Gxp.Assessment.GxpAssessor.Assess(TestData.Series("T-1", 10, 12, 12, 12, 12), noZones);
        Assert.Equal(12, a.Loggers[0].MktCelsius!.Value, 6);
        Assert.Empty(a.Alarms);
        var withMax = noZones with { Mkt = new MktRule(83.144, 8, null) };
        Assert.Equal("mkt", Assert.Single(Logistics.Gxp.Assessment.GxpAssessor.Assess(TestData.Series("T-1", 10, 12, 12, 12, 12), withMax).Alarms).Type);
    }

    [Fact]
    public void stability_band_bound_on_the_in_range_side_is_rejected()
    {
        var json = GxpMdExample.Replace("\"mkt\"", "\"stabilityBudget\": {\"bands\": [{\"id\": \"S1\", \"direction\": \"above\", \"limitCelsius\": 8, \"toCelsius\": 4, \"allowedMinutes\": 60}]}, \"mkt\"");
        Assert.StartsWith("profile $.stabilityBudget.bands[0].toCelsius:", ProfileParser.Read(json).Error!.Message);
    }

    [Theory]
    [InlineData(StandardProfiles.Col2To8, false, 8.0)]
    [InlineData(StandardProfiles.Crt15To25, false, 25.0)]
    [InlineData(StandardProfiles.Ert2To25, false, 25.0)]
    [InlineData(StandardProfiles.Frozen, true, -18.0)]
    [InlineData(StandardProfiles.UltraCold, true, -60.0)]
    public void ready_made_profiles_parse_and_round_trip(string id, bool frozen, double lowestAboveLimit)
    {
        var p = StandardProfiles.Get(id);
        Assert.Equal(frozen, p.IsFrozen);
        Assert.Equal(lowestAboveLimit, p.Zones.Where(z => z.Direction == ZoneDirection.Above).Min(z => z.LimitCelsius));
        var again = ProfileParser.Read(ProfileJson.ToJson(p)).Value!;
        Assert.Equal(p with { Zones = [] }, again with { Zones = [] });
        Assert.Equal(p.Zones, again.Zones);
    }

    [Fact]
    public void unknown_ready_made_profile_lists_the_known_ones() =>
        Assert.Contains("col-2-8", StandardProfiles.Find("col-2-9").Error!.Message);
}
