using System.CommandLine;
using System.Text;
using Logistics.Gxp;
using Logistics.Gxp.Reports;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>report --readings FILE.csv --profile FILE.json|builtin:ID [--format json|csv|pdf] [--out FILE] [--shipment FILE.json]
/// [--generated-at INSTANT] [--report-id ID]</c>: the GxP temperature report of a logger file. JSON and CSV go to stdout
/// unless <c>--out</c> is given; PDF needs <c>--out</c>. Bad input: exit 2 with one line naming the input and the place.
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    public Command Build(CliIo io)
    {
        var readings = new Option<string>("--readings") { Description = "readings CSV: header time,celsius[,deviceId] (vendor logger exports accepted)", Required = true };
        var profile = new Option<string>("--profile") { Description = "profile JSON (GXP.md format), or builtin:col-2-8|crt-15-25|ert-2-25|fro-18|ultra-cold-60", Required = true };
        var format = new Option<string>("--format") { Description = "json (default), csv or pdf", DefaultValueFactory = _ => "json" };
        var output = new Option<string?>("--out") { Description = "write the report to FILE (required for pdf)" };
        var shipment = new Option<string?>("--shipment") { Description = "shipment JSON: references, legs with custodians, stability budget already consumed" };
        var generatedAt = new Option<string?>("--generated-at") { Description = "ISO-8601 instant printed as generation time (default: now)" };
        var reportId = new Option<string?>("--report-id") { Description = "report id (default: derived from the content hash)" };
        var command = new Command("report", "GxP temperature report of a logger file: verdict, excursions, alarms, MKT, gaps (JSON, CSV or PDF).")
            { readings, profile, format, output, shipment, generatedAt, reportId };
        command.SetAction(parse => Run(io, parse.GetValue(readings)!, parse.GetValue(profile)!, parse.GetValue(format)!, parse.GetValue(output),
            parse.GetValue(shipment), parse.GetValue(generatedAt), parse.GetValue(reportId)));
        return command;
    }

    static int Run(CliIo io, string readingsPath, string profileArg, string formatText, string? outPath, string? shipmentPath,
        string? generatedAtText, string? reportId)
    {
        var format = GxpReports.ParseFormat(formatText)
                     ?? throw new CliUsageException($"report: --format '{formatText}' is not one of json, csv, pdf");
        if (format == ReportFormat.Pdf && outPath is null)
            throw new CliUsageException("report: --format pdf writes a binary file: give --out FILE.pdf");
        var generatedAt = CliInstants.OptionOrNow(io, generatedAtText, "report", "--generated-at");
        var profileJson = profileArg.StartsWith("builtin:", StringComparison.Ordinal) ? profileArg : CliFiles.ReadAllText(profileArg, "report");
        var readingsCsv = CliFiles.ReadAllText(readingsPath, "report");
        var shipmentJson = shipmentPath is null ? null : CliFiles.ReadAllText(shipmentPath, "report");

        var result = GxpReports.Create(readingsCsv, profileJson, shipmentJson, format, new ReportMetadata(generatedAt, reportId));
        if (result.Error is { } error)
        {
            var file = error.Input switch { "readings" => readingsPath, "shipment" => shipmentPath, _ => profileArg };
            io.Error.WriteLine($"report: {file}: {error.Message}");
            return CliApp.BadInput;
        }
        var rendered = result.Value!;

        if (outPath is null)
        {
            io.Out.Write(Encoding.UTF8.GetString(rendered.Content));
            return CliApp.Ok;
        }
        try { File.WriteAllBytes(outPath, rendered.Content); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"report: cannot write '{outPath}': {ex.Message}");
        }
        var a = rendered.Report.Assessment;
        io.Out.WriteLine($"{rendered.Report.ReportId}: verdict {GxpFormat.Name(a.Verdict)} ({a.Loggers.Count} logger(s), {a.Excursions.Count} excursion(s), " +
                         $"{a.Alarms.Count} alarm(s), {a.Gaps.Count} gap(s)) -> {outPath}");
        return CliApp.Ok;
    }
}
