namespace Logistics.Cli.Tests.Adapters;

/// <summary><c>adapters corpus</c>: every file of a folder through one adapter, a line each, a summary, exit 1 on any rejection.</summary>
public sealed class AdaptersCorpusTests : IDisposable
{
    readonly DirectoryInfo _corpus = Directory.CreateTempSubdirectory("corpus-");
    static readonly string EpcisSamples = Path.Combine(CliRunner.RepoRoot(), "adapters", "Logistics.Adapters", "Epcis2", "Samples");

    void Copy(string relative, string asName)
    {
        var target = Path.Combine(_corpus.FullName, asName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(EpcisSamples, relative), target);
    }

    [Fact]
    public void a_corpus_that_translates_is_exit_0_with_a_line_per_file_and_a_summary()
    {
        Copy("SensorDataExample1.jsonld", "WithSensorData/SensorDataExample1.jsonld");
        Copy("warehouse-ambient-sensor-report.jsonld", "WithSensorData/ambient.jsonld");
        Copy("AssociationEvent-a.jsonld", "AssociationEvent/AssociationEvent-a.jsonld");
        File.WriteAllText(Path.Combine(_corpus.FullName, "README.md"), "not an input");

        var r = CliRunner.Run("adapters", "corpus", "--adapter", "epcis2", "--received-at", "2026-01-01T00:00:00Z", _corpus.FullName);

        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("ok ", StringComparison.Ordinal) && l.Contains("   9 event(s)", StringComparison.Ordinal) && l.EndsWith("SensorDataExample1.jsonld", StringComparison.Ordinal));
        Assert.Equal("epcis2: 3 file(s): 3 translated (12 events; 0 gave no event), 0 rejected", lines[^1]);
    }

    [Fact]
    public void a_rejected_file_is_named_with_the_reason_and_the_run_is_exit_1()
    {
        Copy("SensorDataExample2.jsonld", "ok.jsonld");
        Copy("rejects/event-time-number.jsonld", "bad.jsonld");

        var r = CliRunner.Run("adapters", "corpus", "--adapter", "epcis2", _corpus.FullName);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"REJECTED            {Path.Combine(_corpus.FullName, "bad.jsonld")}: at $.epcisBody.eventList[2].eventTime: expected an ISO-8601 date-time", r.Out, StringComparison.Ordinal);
        Assert.EndsWith("1 rejected\n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_adapter_or_an_empty_corpus_is_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("adapters", "corpus", "--adapter", "nope", _corpus.FullName).ExitCode);
        var empty = CliRunner.Run("adapters", "corpus", "--adapter", "epcis2", _corpus.FullName);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("no file matching '*.json*'", empty.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _corpus.Delete(recursive: true);
}
