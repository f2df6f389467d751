using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Logistics.Gxp.Fonts;

namespace Logistics.Gxp.Reports.Pdf;

/// <summary>A column of a <see cref="PdfCanvas.Table"/>: header, width in points, right-aligned or not.</summary>
internal sealed record PdfColumn(string Header, double Width, bool Right = false);

/// <summary>
/// A top-to-bottom writer over A4 pages: headings, wrapped text, tables that repeat their header on a new page,
/// images. Keeps a cursor and opens a page when the next block does not fit.
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    public const double Margin = 40;
    const double FooterSpace = 28;
    public static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    public static readonly XColor Muted = XColor.FromArgb(108, 117, 125);
    public static readonly XColor Rule = XColor.FromArgb(206, 212, 218);
    public static readonly XColor HeaderFill = XColor.FromArgb(233, 236, 239);
    public static readonly XColor StripeFill = XColor.FromArgb(248, 249, 250);

    readonly PdfDocument document;
    XGraphics? gfx;
    public XFont Body { get; } = new(EmbeddedFonts.Family, 8.5);
    public XFont Small { get; } = new(EmbeddedFonts.Family, 7);
    public XFont Cell { get; } = new(EmbeddedFonts.Family, 6.5);
    public XFont CellBold { get; } = new(EmbeddedFonts.Family, 6.5, XFontStyleEx.Bold);
    public XFont Bold { get; } = new(EmbeddedFonts.Family, 8.5, XFontStyleEx.Bold);
    public XFont H2 { get; } = new(EmbeddedFonts.Family, 11, XFontStyleEx.Bold);

    public PdfCanvas(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    public double Y { get; set; }
    public XGraphics Gfx => gfx!;
    public PdfPage Page { get; private set; } = null!;
    public double Width => Page.Width.Point - 2 * Margin;
    double Bottom => Page.Height.Point - Margin - FooterSpace;

    public void NewPage()
    {
        gfx?.Dispose();
        Page = document.AddPage();
        Page.Size = PdfSharp.PageSize.A4;
        gfx = XGraphics.FromPdfPage(Page);
        Y = Margin;
    }

    /// <summary>Opens a new page unless <paramref name="height"/> points still fit.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    public void Heading(string text)
    {
        Ensure(60);
        Y += 8;
        Gfx.DrawString(text, H2, new XSolidBrush(Ink), new XRect(Margin, Y, Width, 14), XStringFormats.TopLeft);
        Y += 16;
        Gfx.DrawLine(new XPen(Rule, 0.8), Margin, Y, Margin + Width, Y);
        Y += 5;
    }

    /// <summary>Word-wrapped text across the full width (or from <paramref name="indent"/>).</summary>
    public void Paragraph(string text, XFont? font = null, XColor? color = null, double indent = 0)
    {
        font ??= Body;
        var lineHeight = font.Size * 1.35;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Ensure(lineHeight);
            Gfx.DrawString(line, font, new XSolidBrush(color ?? Ink), new XRect(Margin + indent, Y, Width - indent, lineHeight), XStringFormats.TopLeft);
            Y += lineHeight;
        }
        Y += 2;
    }

    /// <summary>Label/value pairs, two pairs a line; a long value (a hash) takes a line of its own.</summary>
    public void KeyValues(IReadOnlyList<(string Key, string Value)> pairs, double keyWidth = 92)
    {
        var half = Width / 2;
        var column = 0;
        foreach (var (key, value) in pairs)
        {
            var wide = Gfx.MeasureString(value, Body).Width > half - keyWidth - 6;
            if (column == 1 && wide) { Y += 12; column = 0; }
            if (column == 0) Ensure(12);
            var x = Margin + column * half;
            var valueWidth = (wide ? Width : half) - keyWidth - 6;
            Gfx.DrawString(key, Small, new XSolidBrush(Muted), new XRect(x, Y + 1, keyWidth, 11), XStringFormats.TopLeft);
            Gfx.DrawString(Fit(value, Body, valueWidth), Body, new XSolidBrush(Ink), new XRect(x + keyWidth, Y, valueWidth, 11), XStringFormats.TopLeft);
            if (wide || column == 1) { Y += 12; column = 0; }
            else column = 1;
        }
        if (column == 1) Y += 12;
        Y += 3;
    }

    /// <summary>A table with a shaded header repeated on each page and striped rows; cell text is cut to its column.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, string emptyText = "none")
    {
        const double rowHeight = 11.5;
        var scale = Math.Min(1, Width / columns.Sum(c => c.Width));
        void Header()
        {
            Ensure(rowHeight * 3);
            Gfx.DrawRectangle(new XSolidBrush(HeaderFill), Margin, Y, Width, rowHeight + 1);
            DrawRow(columns.Select(c => c.Header).ToArray(), CellBold, scale);
            Y += rowHeight + 1;
        }
        Header();
        var stripe = false;
        var any = false;
        foreach (var row in rows)
        {
            if (Y + rowHeight > Bottom) { NewPage(); Header(); }
            if (stripe) Gfx.DrawRectangle(new XSolidBrush(StripeFill), Margin, Y, Width, rowHeight);
            DrawRow(row, Cell, scale);
            Y += rowHeight;
            stripe = !stripe;
            any = true;
        }
        if (!any)
        {
            Gfx.DrawString(emptyText, Small, new XSolidBrush(Muted), new XRect(Margin + 3, Y + 2, Width, rowHeight), XStringFormats.TopLeft);
            Y += rowHeight;
        }
        Gfx.DrawLine(new XPen(Rule, 0.6), Margin, Y, Margin + Width, Y);
        Y += 6;

        void DrawRow(IReadOnlyList<string> cells, XFont font, double s)
        {
            var x = Margin;
            for (var c = 0; c < columns.Count; c++)
            {
                var w = columns[c].Width * s;
                var text = Fit(c < cells.Count ? cells[c] : "", font, w - 6);
                Gfx.DrawString(text, font, new XSolidBrush(Ink), new XRect(x + 3, Y + 2, w - 6, rowHeight - 2),
                    columns[c].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += w;
            }
        }
    }

    public void Image(byte[] png, double height)
    {
        Ensure(height + 4);
        using var stream = new MemoryStream(png);
        using var image = XImage.FromStream(stream);
        Gfx.DrawImage(image, Margin, Y, Width, height);
        Y += height + 4;
    }

    /// <summary>Text cut with an ellipsis to fit <paramref name="width"/> (tables never overflow their columns).</summary>
    public string Fit(string text, XFont font, double width)
    {
        if (Gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && Gfx.MeasureString(text[..cut] + "…", font).Width > width) cut--;
        return text[..cut] + "…";
    }

    IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Gfx.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) yield return line;
    }

    /// <summary>Writes the footer on every page once the page count is known.</summary>
    public void Footers(Func<int, int, string> text)
    {
        gfx?.Dispose();
        gfx = null;
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin - 10;
            g.DrawLine(new XPen(Rule, 0.6), Margin, y - 4, page.Width.Point - Margin, y - 4);
            g.DrawString(text(i + 1, document.PageCount), Small, new XSolidBrush(Muted),
                new XRect(Margin, y, page.Width.Point - 2 * Margin, 10), XStringFormats.TopLeft);
        }
    }

    public void Dispose() => gfx?.Dispose();
}
