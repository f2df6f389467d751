using System.Text;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Json;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>A throw-away Samples/ folder in the temp directory, written by a test.</summary>
sealed class SampleFolder : IDisposable
{
    readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("kit-");

    public string Path => System.IO.Path.Combine(_root.FullName, "Samples");

    public SampleFolder() => Directory.CreateDirectory(System.IO.Path.Combine(Path, SampleDiscovery.RejectsFolder));

    /// <summary>An input with a source note; its expected NDJSON is what <paramref name="producer"/> translates it to now.</summary>
    public SampleFolder Sample(string name, string input, IAdapter producer)
    {
        Write(name, input);
        Write(name + SampleDiscovery.SourceSuffix, "written by the kit's tests");
        var context = TranslationContext.For(producer.Info.Id, Encoding.UTF8.GetBytes(input), SampleContext.DefaultReceivedAt);
        var result = producer.Translate(Encoding.UTF8.GetBytes(input), context);
        Write(name + SampleDiscovery.ExpectedSuffix, CanonicalJson.ToNdjson(((Translated)result).Events));
        return this;
    }

    public SampleFolder Reject(string name, string input, string expectedSubstring)
    {
        Write($"{SampleDiscovery.RejectsFolder}/{name}", input);
        Write($"{SampleDiscovery.RejectsFolder}/{name}{SampleDiscovery.RejectionSuffix}", expectedSubstring + "\n");
        return this;
    }

    /// <summary>Three good samples and one rejection: a folder that passes with <see cref="FakeAdapter"/>.</summary>
    public static SampleFolder Conforming()
    {
        var producer = new FakeAdapter();
        return new SampleFolder()
            .Sample("departed.txt", "MSKU1234565 DEPARTED 2025-12-31T10:00:00Z 51.9 4.1\n", producer)
            .Sample("arrived.txt", "MSKU1234565 ARRIVED 2025-12-31T20:00:00Z\n", producer)
            .Sample("two.txt", "MSKU1234565 LOADED 2025-12-30T10:00:00Z\nMSKU1234565 DEPARTED 2025-12-30T12:00:00Z\n", producer)
            .Reject("garbage.txt", "garbage", "expected REF CODE TIME");
    }

    public void Write(string relative, string content)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public void Delete(string relative) => File.Delete(System.IO.Path.Combine(Path, relative));

    public void Dispose() => _root.Delete(recursive: true);
}
