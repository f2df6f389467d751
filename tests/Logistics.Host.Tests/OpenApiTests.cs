using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class The_OpenAPI_document(HostFixture host)
{
    [Fact]
    public async Task is_served_anonymously_and_describes_every_route_with_its_summary_roles_and_problem_responses()
    {
        using var response = await host.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/openapi/{documentName}.json").ToList();
        Assert.NotEmpty(endpoints);
        foreach (var e in endpoints)
        {
            var path = Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}").TrimEnd('/');
            var method = e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var op = paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out var found) ? found
                : throw new Xunit.Sdk.XunitException($"{method} {path} missing from the document");
            Assert.False(string.IsNullOrWhiteSpace(op.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            var responses = op.GetProperty("responses");
            if (e.Metadata.GetMetadata<AllowedRoles>() is { } roles)
            {
                Assert.Equal(roles.WithAdmin.Select(r => r.Name()).Order(), op.GetProperty("x-roles").EnumerateArray().Select(r => r.GetString()).Order());
                foreach (var status in new[] { "401", "403" })
                    Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path}: {status} not problem+json");
            }
            if (e.RoutePattern.Parameters.Count > 0) Assert.True(responses.TryGetProperty("404", out _), $"{method} {path} documents no 404");
        }

        // The linter of the repository's ruleset (tests/openapi: package.json, lockfile, redocly.yaml; test.sh runs npm ci).
        var lintDir = Path.Combine(LocalServices.RepoRoot, "tests", "openapi");
        var redocly = Path.Combine(lintDir, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} missing: run `npm ci` in tests/openapi (./test.sh does)");
        Directory.CreateDirectory(Path.Combine(lintDir, "served"));
        await File.WriteAllTextAsync(Path.Combine(lintDir, "served", "openapi.json"), text);
        var psi = new ProcessStartInfo(redocly) { WorkingDirectory = lintDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "lint", "--config", "redocly.yaml", "served/openapi.json", "--format", "stylish" }) psi.ArgumentList.Add(a);
        using var lint = Process.Start(psi)!;
        var stdout = lint.StandardOutput.ReadToEndAsync();
        var stderr = lint.StandardError.ReadToEndAsync();
        Assert.True(lint.WaitForExit(TimeSpan.FromMinutes(2)), "redocly lint did not finish in 2 minutes");
        Assert.True(lint.ExitCode == 0, $"redocly lint found problems:\n{await stdout}\n{await stderr}");
    }
}
