using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_QA_uploads_a_logger_file(HostFixture host)
{
    static readonly string Samples = Path.Combine(LocalServices.RepoRoot, "services", "Logistics.Gxp", "Samples");

    static MultipartFormDataContent Form(string? profileText = null)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(Samples, "readings-2-8-excursion.csv"))), "readings", "readings.csv" },
            { new StringContent(profileText ?? File.ReadAllText(Path.Combine(Samples, "profile-2-8.json"))), "profile", "profile.json" },
        };
        return form;
    }

    [Fact]
    public async Task the_json_report_carries_the_acceptance_fields()
    {
        using var response = await host.Http.PostAsync("/reports/logger-file?format=json", Form());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(report.GetProperty("verdict").GetString(), new[] { "pass", "alarm", "incomplete" });
        var logger = report.GetProperty("loggers")[0];
        foreach (var field in new[] { "deviceId", "readingCount", "minCelsius", "maxCelsius", "meanCelsius", "mktCelsius" })
            Assert.True(logger.TryGetProperty(field, out _), $"loggers[0].{field} missing");
        Assert.True(report.GetProperty("excursions").GetArrayLength() > 0);
        Assert.True(report.TryGetProperty("gaps", out _));
    }

    [Fact]
    public async Task the_same_file_renders_as_csv_and_pdf()
    {
        using var csv = await host.Http.PostAsync("/reports/logger-file?format=csv", Form());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.ToString());

        using var pdf = await host.Http.PostAsync("/reports/logger-file?format=pdf", Form());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
    }

    [Fact]
    public async Task a_bad_profile_is_a_400_problem_naming_where()
    {
        using var response = await host.Http.PostAsync("/reports/logger-file",
            Form("""{"name": "x", "loggingIntervalMinutes": 10, "zones": [{"id": "H1", "direction": "above", "limitCelsius": 8, "mode": "sometimes", "delayMinutes": 0}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("zones[0].mode", problem.GetProperty("where").GetString());
    }
}
