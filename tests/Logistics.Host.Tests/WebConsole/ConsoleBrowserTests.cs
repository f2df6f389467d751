using System.Diagnostics;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.WebConsole;

/// <summary>
/// The web console in a real browser (tests/console/scenarios.mjs: playwright-core driving Debian's chromium) against this
/// host, on the demo-like tenant of <see cref="ConsoleWorld"/>. Each fact runs one scenario in its own browser; a scenario that
/// does not hold fails the fact with the browser's reason. Screenshots of each page go to .data/test-results/console/, or to
/// docs/console/ with UPDATE_DOCS_SCREENSHOTS=1 (so that a test run leaves the clone as it was).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class The_web_console_in_a_browser(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public Task signs_in_with_a_key_shows_the_tenant_and_lists_and_filters_shipments_as_the_API_says() => RunAsync("signin");

    [Fact]
    public Task shows_the_excursion_shaded_on_the_chart_with_limit_lines_the_gap_as_a_break_and_the_legs() => RunAsync("chart");

    [Fact]
    public Task draws_the_track_on_the_offline_basemap_and_moves_the_position_live_over_SSE() => RunAsync("map");

    [Fact]
    public Task a_reviewer_signs_and_a_second_person_approves_after_the_API_asks_for_a_comment() => RunAsync("approve");

    [Fact]
    public Task shows_the_refusal_in_plain_words_when_the_reviewer_tries_to_approve_and_when_the_password_is_wrong() => RunAsync("refusal");

    [Fact]
    public Task shows_a_quarantined_message_s_reason_and_raw_body_and_replays_it() => RunAsync("quarantine");

    [Fact]
    public Task is_usable_by_keyboard_with_labelled_controls_and_readable_contrast() => RunAsync("accessibility");

    async Task RunAsync(string scenario)
    {
        var world = await ConsoleWorld.OfAsync(host);
        var root = RepositoryRoot();
        var tests = Path.Combine(root, "tests", "console");
        Assert.True(File.Exists(Path.Combine(tests, "node_modules", "playwright-core", "package.json")),
            "playwright-core is not installed in tests/console: run `npm ci` there (test.sh does)");
        var start = new ProcessStartInfo("node", ["scenarios.mjs", scenario])
        {
            WorkingDirectory = tests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["CONSOLE_URL"] = new Uri(host.BaseAddress, "/console/").ToString(),
                ["SEED"] = world.SeedPath,
                ["SCREENSHOTS"] = Environment.GetEnvironmentVariable("UPDATE_DOCS_SCREENSHOTS") == "1"
                    ? Path.Combine(root, "docs", "console") : Path.Combine(root, ".data", "test-results", "console"),
                ["FAILURE_SCREENSHOTS"] = Path.Combine(root, ".data", "test-results", "console-failures"),
            },
        };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"scenario {scenario} did not finish in 3 minutes\n{await stdout}\n{await stderr}");
        }
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(node.ExitCode == 0, $"scenario {scenario} failed (exit {node.ExitCode}):\n{await stderr}");
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Logistics.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Logistics.sln above {AppContext.BaseDirectory}");
    }
}
