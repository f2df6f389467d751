using System.Net.Http.Headers;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using NodaTime;

namespace Logistics.DemoFeed;

/// <summary>
/// The demo a newcomer sees with <c>./run.sh</c>, as a client of the host like any integration: it replays every
/// adapter's bundled public samples through the real intake route with an integrator key (so milestones, readings and
/// positions arrive), then keeps one simulated logger reporting: a TTS v3 uplink with a Cayenne LPP payload
/// (temperature, humidity, GPS) every few seconds, with a short warm spell.
/// </summary>
public sealed class DemoFeed(Uri host, string integratorKey, TimeSpan interval, IClock clock, TextWriter log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", integratorKey);

        var replayed = 0;
        foreach (var (adapterId, sample) in BundledSamples())
        {
            if (ct.IsCancellationRequested) return;
            var codec = SampleDiscovery.ReadContext(sample.ContextPath).Codec;
            if (await PostAsync(http, adapterId, codec, await File.ReadAllBytesAsync(sample.InputPath, ct), ct))
                replayed++;
        }
        log.WriteLine($"[demo] replayed {replayed} bundled public samples");

        var logger = new SimulatedLogger(clock);
        using var timer = new PeriodicTimer(interval);
        do
        {
            await PostAsync(http, "tts-v3", "cayenne-lpp", logger.NextUplink(), ct);
        }
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
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

    async Task<bool> PostAsync(HttpClient http, string adapterId, string? codec, byte[] body, CancellationToken ct)
    {
        try
        {
            var url = codec is null ? $"ingest/{adapterId}" : $"ingest/{adapterId}?codec={codec}";
            using var response = await http.PostAsync(url, new ByteArrayContent(body), ct);
            if (!response.IsSuccessStatusCode) log.WriteLine($"[demo] {url} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException ex)
        {
            log.WriteLine($"[demo] post failed: {ex.Message}");
            return false;
        }
    }
}
