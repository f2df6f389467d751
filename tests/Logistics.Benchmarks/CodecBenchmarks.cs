using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Logistics.Adapters.Sdk;

namespace Logistics.Benchmarks;

/// <summary>
/// PERFORMANCE.md's ≥ 20,000 messages/s on one core, for the payload codecs on their own: one case per codec of the registry
/// (new codecs are picked up without touching this file); each invocation decodes the next of the payloads in the codec's
/// published vectors (<c>Codecs/&lt;Folder&gt;/Samples/*.json</c>, the <c>"hex"</c> of each vector). Vectors that are errors by design
/// (a codec's rejection examples) are left out, so the figure is a decode. Mean is the time per payload, "Msg/s" its inverse.
/// The adapters' figures (AdapterTranslateBenchmarks) include their codec already; this one isolates it.
/// Run: dotnet run -c Release --project tests/Logistics.Benchmarks -- --filter '*CodecDecode*' --job short --iterationCount 10
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AdapterBenchmarkConfig))]
public class CodecDecodeBenchmarks
{
    IPayloadCodec _codec = null!;
    byte[][] _payloads = [];
    int _next;

    public static IEnumerable<string> CodecIds() => AdapterRegistry.Default.Codecs.Select(c => c.Id);

    [ParamsSource(nameof(CodecIds))]
    public string Codec { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        if (!AdapterRegistry.Default.TryGetCodec(Codec, out _codec))
            throw new InvalidOperationException($"unknown codec {Codec}");
        _payloads = [.. VectorPayloads(AdapterFolders.FolderOf(_codec)).Where(p => _codec.Decode(p, 85) is CodecDecoded)];
        if (_payloads.Length == 0)
            throw new InvalidOperationException($"{Codec} has no vector it decodes to benchmark");
    }

    [Benchmark(Description = "decode one payload")]
    public CodecResult Decode()
    {
        var payload = _payloads[_next];
        _next = _next + 1 == _payloads.Length ? 0 : _next + 1;
        return _codec.Decode(payload, 85);
    }

    /// <summary>The <c>"hex"</c> strings of the vectors files in the codec's Samples folder (build output, else the source tree).</summary>
    internal static IEnumerable<byte[]> VectorPayloads(string folder)
    {
        var dir = Candidates(folder).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException($"no Samples/ folder for {folder} near {AppContext.BaseDirectory}");
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            if (!doc.RootElement.TryGetProperty("vectors", out var vectors)) continue;
            foreach (var v in vectors.EnumerateArray())
                if (v.TryGetProperty("hex", out var hex))
                    yield return Convert.FromHexString(hex.GetString()!.Replace(" ", "", StringComparison.Ordinal));
        }
    }

    static IEnumerable<string> Candidates(string folder)
    {
        var b = AppContext.BaseDirectory;
        yield return Path.Combine(b, "adapters", folder, "Samples");
        yield return Path.Combine(b, folder, "Samples");
        for (var dir = new DirectoryInfo(b); dir is not null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, "adapters", "Logistics.Adapters", folder, "Samples");
    }
}
