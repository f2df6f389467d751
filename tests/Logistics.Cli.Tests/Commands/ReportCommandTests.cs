using System.Text.Json;

namespace Logistics.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    static readonly string Samples = Path.Combine(CliRunner.RepoRoot(), "services", "Logistics.Gxp", "Samples");
    static readonly string Readings = Path.Combine(Samples, "readings-2-8-excursion.csv");
    static readonly string Profile = Path.Combine(Samples, "profile-2-8.json");

    [Fact]
    public void assesses_a_logger_file_against_a_profile_as_json()
    {
        var result = CliRunner.Run("report", "--readings", Readings, "--profile", Profile);

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(result.Out);
        Assert.Contains(report.RootElement.GetProperty("verdict").GetString(), new[] { "pass", "alarm", "incomplete" });
        Assert.Equal(["T-1", "T-2"], report.RootElement.GetProperty("loggers").EnumerateArray().Select(l => l.GetProperty("deviceId").GetString()));
        Assert.NotEmpty(report.RootElement.GetProperty("excursions").EnumerateArray());
    }

    [Fact]
    public void writes_a_pdf_to_the_out_file()
    {
        var output = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");

        var result = CliRunner.Run("report", "--readings", Readings, "--profile", Profile, "--format", "pdf", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(output), 0, 5));
    }

    [Fact]
    public void the_same_input_gives_the_same_json_and_csv()
    {
        foreach (var format in new[] { "json", "csv" })
        {
            var first = CliRunner.Run("report", "--readings", Readings, "--profile", Profile, "--format", format);
            var second = CliRunner.Run("report", "--readings", Readings, "--profile", Profile, "--format", format);
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(first.Out, second.Out);
        }
    }

    [Fact]
    public void a_bad_profile_exits_2_with_one_line_naming_the_file_and_the_path()
    {
        var profile = TranslateCommandTests.WriteTemp("""{"name": "x", "loggingIntervalMinutes": 10, "zones": [{"id": "H1", "direction": "above", "limitCelsius": 8, "mode": "sometimes", "delayMinutes": 0}]}""");

        var result = CliRunner.Run("report", "--readings", Readings, "--profile", profile);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("zones[0].mode", line);
    }

    [Fact]
    public void a_bad_readings_line_exits_2_naming_the_line()
    {
        var readings = TranslateCommandTests.WriteTemp("time,celsius\n2025-03-01T06:00:00Z,4.2\n2025-03-01T06:10:00Z,warm\n", ".csv");

        var result = CliRunner.Run("report", "--readings", readings, "--profile", Profile);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 3", Assert.Single(result.Error.TrimEnd('\n').Split('\n')));
    }
}
