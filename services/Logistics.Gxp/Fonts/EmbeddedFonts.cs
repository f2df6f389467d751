using System.Reflection;
using PdfSharp.Fonts;
using SkiaSharp;

namespace Logistics.Gxp.Fonts;

/// <summary>
/// DejaVu Sans (regular, bold), embedded in the assembly with its licence (Fonts/LICENSE-DejaVu.txt). PDFsharp 6
/// and SkiaSharp on Linux resolve no system font by themselves; bundling makes the PDF identical on every machine.
/// </summary>
public static class EmbeddedFonts
{
    /// <summary>The family name the reports use.</summary>
    public const string Family = "DejaVu Sans";

    static readonly Lazy<byte[]> Regular = new(() => Load("DejaVuSans.ttf"));
    static readonly Lazy<byte[]> Bold = new(() => Load("DejaVuSans-Bold.ttf"));
    static readonly object Gate = new();
    static bool registered;

    /// <summary>Registers the fonts with PDFsharp and ScottPlot once per process; safe to call from any thread.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            // Another component may own the global resolver already; then ours serves as the fallback.
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new PdfResolver();
            else GlobalFontSettings.FallbackFontResolver ??= new PdfResolver();
            ScottPlot.Fonts.FontResolvers.Add(new ChartResolver());
            ScottPlot.Fonts.Default = Family;
            registered = true;
        }
    }

    internal static byte[] Bytes(bool bold) => bold ? Bold.Value : Regular.Value;

    static byte[] Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Logistics.Gxp.Fonts." + file)
                           ?? throw new InvalidOperationException($"font {file} missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    static bool IsOurs(string family) => string.Equals(family, Family, StringComparison.OrdinalIgnoreCase);

    sealed class PdfResolver : IFontResolver
    {
        // Every family resolves to DejaVu: a report must never fail for want of a font.
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName) => Bytes(faceName == "DejaVuSans-Bold");
    }

    sealed class ChartResolver : ScottPlot.IFontResolver
    {
        // Skia typefaces are immutable and thread-safe: one per face for the process.
        static readonly Lazy<SKTypeface> RegularFace = new(() => SKTypeface.FromData(SKData.CreateCopy(Bytes(false))));
        static readonly Lazy<SKTypeface> BoldFace = new(() => SKTypeface.FromData(SKData.CreateCopy(Bytes(true))));

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= ScottPlot.FontWeight.SemiBold, false);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            IsOurs(fontName) ? (bold ? BoldFace : RegularFace).Value : null;
    }
}
