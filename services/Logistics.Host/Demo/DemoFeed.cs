using System.Text.Json;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;

namespace Logistics.Host.Demo;

/// <summary>
/// The demo a newcomer sees with <c>./run.sh</c>: once started, it replays every adapter's bundled public samples through
/// the real intake route (so milestones, readings and positions arrive), then keeps one simulated logger reporting:
/// a TTS v3 uplink with a Cayenne LPP payload (temperature, humidity, GPS) every few seconds, with a short warm spell.
/// </summary>
public sealed class DemoFeed(IServer server, IHostApplicationLifetime lifetime, HostSettings settings, IClock clock, ILogger<DemoFeed> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) };

        var replayed = 0;
        foreach (var sample in SampleCatalog.Discover(AppContext.BaseDirectory))
        {
            if (stoppingToken.IsCancellationRequested) return;
            if (await PostAsync(http, sample.AdapterId, sample.Codec, await File.ReadAllBytesAsync(sample.Path, stoppingToken), stoppingToken))
                replayed++;
        }
        log.LogInformation("demo: replayed {Count} bundled public samples", replayed);

        var logger = new SimulatedLogger(clock);
        using var timer = new PeriodicTimer(settings.DemoInterval);
        do
        {
            await PostAsync(http, "tts-v3", "cayenne-lpp", logger.NextUplink(), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    async Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
    }

    async Task<bool> PostAsync(HttpClient http, string adapterId, string? codec, byte[] body, CancellationToken ct)
    {
        try
        {
            var url = codec is null ? $"/ingest/{adapterId}" : $"/ingest/{adapterId}?codec={codec}";
            using var response = await http.PostAsync(url, new ByteArrayContent(body), ct);
            if (!response.IsSuccessStatusCode) log.LogWarning("demo: {Url} answered {Status}", url, (int)response.StatusCode);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning("demo: post failed: {Message}", ex.Message);
            return false;
        }
    }
}

/// <summary>The bundled samples (copied to the build output under adapters/&lt;Folder&gt;/Samples) with their adapter id and codec.</summary>
public static class SampleCatalog
{
    public sealed record Sample(string AdapterId, string? Codec, string Path);

    /// <summary>Adapter folder → adapter id, from the registry (the folder is the last namespace segment of the adapter type).</summary>
    public static IEnumerable<Sample> Discover(string baseDirectory)
    {
        var root = Path.Combine(baseDirectory, "adapters");
        if (!Directory.Exists(root)) yield break;
        foreach (var adapter in Logistics.Adapters.Sdk.AdapterRegistry.Default.Adapters)
        {
            var folder = adapter.GetType().Namespace?.Split('.').Last();
            var samples = folder is null ? null : Path.Combine(root, folder, "Samples");
            if (samples is null || !Directory.Exists(samples)) continue;
            foreach (var path in Directory.EnumerateFiles(samples).Order(StringComparer.Ordinal))
            {
                if (path.EndsWith(".expected.ndjson", StringComparison.Ordinal) || path.EndsWith(".context.json", StringComparison.Ordinal)
                    || path.EndsWith(".source.txt", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal))
                    continue;
                yield return new Sample(adapter.Info.Id, CodecOf(path + ".context.json"), path);
            }
        }
    }

    static string? CodecOf(string contextPath)
    {
        if (!File.Exists(contextPath)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(contextPath));
        return doc.RootElement.TryGetProperty("codec", out var c) ? c.GetString() : null;
    }
}
