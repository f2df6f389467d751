namespace Logistics.Cli.Tests.Commands;

/// <summary>The contract of CANONICAL.md: NDJSON on stdout and exit 0, or exit 2 with one line on stderr and nothing on stdout.</summary>
public sealed class TranslateCommandTests
{
    static readonly string Samples = Path.Combine(CliRunner.RepoRoot(), "adapters", "Logistics.Adapters");

    [Theory]
    [InlineData("dcsa-tnt", "DcsaTnt/Samples/tnt-220-response.json")]
    [InlineData("x12-214", "X12_214/Samples/x12-214-ShipmentStatus.edi")]
    [InlineData("tts-v3", "TtsV3/Samples/tts-v3-uplink-milesight-AT101.json")]
    [InlineData("iridium-sbd", "IridiumSbd/Samples/iridium-sbd-directip-mo-T622.sbd")]
    [InlineData("epcis2", "Epcis2/Samples/SensorDataExample1.jsonld")]
    public void prints_the_expected_ndjson_of_a_sample(string adapter, string sample)
    {
        var path = Path.Combine(Samples, sample);
        // The sample's context file (docs/adapter-conventions.md) gives its reception time and codec, as the CLI options.
        var context = File.Exists(path + ".context.json") ? System.Text.Json.JsonDocument.Parse(File.ReadAllText(path + ".context.json")).RootElement : default;
        string Option(string name, string fallback) =>
            context.ValueKind == System.Text.Json.JsonValueKind.Object && context.TryGetProperty(name, out var v) ? v.GetString()! : fallback;
        var args = new List<string> { "translate", "--adapter", adapter, "--received-at", Option("receivedAt", "2026-01-01T00:00:00Z") };
        if (Option("codec", "") is { Length: > 0 } codec) args.AddRange(["--codec", codec]);
        if (Option("carrier", "") is { Length: > 0 } carrier) args.AddRange(["--carrier", carrier]);
        args.Add(path);

        var result = CliRunner.Run([.. args]);

        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(path + ".expected.ndjson"), result.Out);
    }

    [Fact]
    public void a_file_the_adapter_cannot_translate_exits_2_with_one_line_naming_adapter_and_position()
    {
        var path = WriteTemp("{\"eventID\": \"x\", \"eventType\": 42}");

        var result = CliRunner.Run("translate", "--adapter", "dcsa-tnt", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"dcsa-tnt: {path}: at ", line);
        Assert.Contains("expected", line);
    }

    [Theory]
    [InlineData("--adapter", "no-such-adapter", "unknown adapter 'no-such-adapter'")]
    [InlineData("--codec", "no-such-codec", "unknown codec 'no-such-codec'")]
    [InlineData("--received-at", "yesterday", "--received-at 'yesterday' is not an ISO-8601 instant")]
    public void a_bad_option_exits_2_with_one_line(string option, string value, string message)
    {
        var path = Path.Combine(Samples, "TtsV3/Samples/tts-v3-uplink-milesight-AT101.json");
        var args = new List<string> { "translate", "--adapter", "tts-v3", path };
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value; else args.InsertRange(1, [option, value]);

        var result = CliRunner.Run([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains(message, Assert.Single(result.Error.TrimEnd('\n').Split('\n')));
    }

    [Fact]
    public void a_missing_file_or_a_missing_adapter_option_exits_2()
    {
        var missing = CliRunner.Run("translate", "--adapter", "tts-v3", "/no/such/file.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read '/no/such/file.json'", missing.Error);

        var noAdapter = CliRunner.Run("translate", Path.Combine(Samples, "TtsV3/Samples/tts-v3-uplink-milesight-AT101.json"));
        Assert.Equal(2, noAdapter.ExitCode);
        Assert.Single(noAdapter.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", noAdapter.Out);
    }

    internal static string WriteTemp(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), $"logistics-cli-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
