namespace Logistics.Adapters.Codecs.Example;

/// <summary>A type in a nested folder-shaped namespace (codecs live in Codecs/&lt;Name&gt;/).</summary>
sealed class ExampleCodecType;
