using System.Text.Json;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>
/// Where mutations start: every sample input of an adapter (translations and rejections), and for a codec the
/// payloads found in its own vectors and in the samples of adapters whose context names it (hex or base64 strings
/// inside JSON, e.g. <c>"hex": "03 67 01 10"</c> or <c>"frm_payload": "A2cBEA=="</c>).
/// </summary>
public static class SeedHarvest
{
    public sealed record SampleInput(byte[] Raw, SampleContext Context);

    public static IReadOnlyList<SampleInput> AdapterSamples(IAdapter adapter, SampleRoot root)
    {
        var set = SampleDiscovery.Discover(root.SamplesDirectory(AdapterFolders.FolderOf(adapter)));
        var inputs = new List<SampleInput>();
        foreach (var s in set.Samples)
        {
            SampleContext context;
            try { context = SampleDiscovery.ReadContext(s.ContextPath); }
            catch (Exception ex) when (ex is JsonException or FormatException) { context = SampleContext.Default; }
            inputs.Add(new SampleInput(File.ReadAllBytes(s.InputPath), context));
        }
        return inputs;
    }

    public static IReadOnlyList<byte[]> CodecSeeds(IPayloadCodec codec, AdapterRegistry registry, SampleRoot root)
    {
        var seeds = new List<byte[]>();
        var dir = root.SamplesDirectory(AdapterFolders.FolderOf(codec));
        if (dir is not null)
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                seeds.AddRange(Payloads(bytes));
                seeds.Add(bytes);
            }
        }
        foreach (var adapter in registry.Adapters)
        {
            foreach (var s in AdapterSamples(adapter, root).Where(s => s.Context.Codec == codec.Id))
                seeds.AddRange(Payloads(s.Raw));
        }
        return seeds.Count > 0 ? seeds : [[]];
    }

    /// <summary>Hex and base64 strings inside a JSON document, decoded.</summary>
    public static IEnumerable<byte[]> Payloads(byte[] json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException) { yield break; }
        using (doc)
        {
            foreach (var s in Strings(doc.RootElement))
            {
                if (TryHex(s, out var hex)) yield return hex;
                else if (TryBase64(s, out var b64)) yield return b64;
            }
        }
    }

    static IEnumerable<string> Strings(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                yield return e.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    foreach (var s in Strings(p.Value)) yield return s;
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                    foreach (var s in Strings(x)) yield return s;
                break;
        }
    }

    static bool TryHex(string s, out byte[] bytes)
    {
        var compact = s.Replace(" ", "", StringComparison.Ordinal);
        bytes = [];
        if (compact.Length < 4 || compact.Length % 2 != 0 || !compact.All(Uri.IsHexDigit)) return false;
        bytes = Convert.FromHexString(compact);
        return true;
    }

    static bool TryBase64(string s, out byte[] bytes)
    {
        bytes = [];
        // Short words ("true", "ACT1") are valid base64 too; payloads worth seeding are longer and padded or 4-aligned.
        if (s.Length < 8 || s.Length % 4 != 0 || s.Any(char.IsWhiteSpace)) return false;
        var buffer = new byte[s.Length];
        if (!Convert.TryFromBase64String(s, buffer, out var n)) return false;
        bytes = buffer[..n];
        return true;
    }
}
