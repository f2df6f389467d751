using System.Text;

namespace Logistics.Adapters.Conformance;

/// <summary>The text form of a report: one line per sample, each failure explained on its own indented line.</summary>
public static class ReportText
{
    public static string Render(ConformanceReport report)
    {
        var sb = new StringBuilder();
        if (report.SampleRootDescription.Length > 0) sb.Append("samples from ").Append(report.SampleRootDescription).Append('\n');
        foreach (var adapter in report.Adapters)
            sb.Append(Render(adapter));
        var passed = report.Adapters.Count(a => a.Passed);
        sb.Append($"{passed} of {report.Adapters.Count} adapter(s) conform").Append('\n');
        return sb.ToString();
    }

    public static string Render(AdapterReport a)
    {
        var sb = new StringBuilder();
        sb.Append(a.Passed ? "PASS " : "FAIL ").Append(a.AdapterId)
            .Append($"  ({a.TranslationSamples} samples, {a.RejectionSamples} rejection samples; folder {a.Folder ?? "?"}");
        if (a.SamplesDirectory is not null) sb.Append($", {a.SamplesDirectory}");
        sb.Append(")\n");
        foreach (var f in a.Failures)
            sb.Append("  FAIL ").Append(f.Check).Append(": ").Append(f.Message).Append('\n');
        foreach (var w in a.Warnings)
            sb.Append("  warn ").Append(w).Append('\n');
        foreach (var s in a.Samples)
            sb.Append(Render(s));
        return sb.ToString();
    }

    public static string Render(SampleReport s)
    {
        var sb = new StringBuilder();
        sb.Append(s.Passed ? "  ok   " : "  FAIL ").Append(s.Name);
        if (s.Kind == SampleKind.Translation && s.Passed) sb.Append($" ({s.EventCount} event{(s.EventCount == 1 ? "" : "s")})");
        if (s.Kind == SampleKind.Rejection && s.RejectionMessage is not null && s.Passed) sb.Append(" (rejected ").Append(s.RejectionMessage).Append(')');
        sb.Append('\n');
        foreach (var f in s.Failures)
            sb.Append("         ").Append(f.Check).Append(": ").Append(f.Message).Append('\n');
        foreach (var w in s.Warnings)
            sb.Append("         warn ").Append(w).Append('\n');
        return sb.ToString();
    }
}
