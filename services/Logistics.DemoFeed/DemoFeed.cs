using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
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
        foreach (var (adapterId, sample) in BundledSamples())
        {
            if (stoppingToken.IsCancellationRequested) return;
            var codec = SampleDiscovery.ReadContext(sample.ContextPath).Codec;
            if (await PostAsync(http, adapterId, codec, await File.ReadAllBytesAsync(sample.InputPath, stoppingToken), stoppingToken))
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

    /// <summary>Every adapter's translation samples, found in the build output by the conformance kit's own rules.</summary>
    static IEnumerable<(string AdapterId, Sample Sample)> BundledSamples()
    {
        var root = SampleRoot.BuildOutput();
        foreach (var adapter in AdapterRegistry.Default.Adapters)
            if (AdapterFolders.FolderOf(adapter) is { } folder)
                foreach (var sample in SampleDiscovery.Discover(root.SamplesDirectory(folder)).Translations)
                    yield return (adapter.Info.Id, sample);
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
