namespace Logistics.Gxp.Reports;

/// <summary>The data-integrity statement of every report (ALCOA+): what was done to the data, and what was not.</summary>
public static class IntegrityStatement
{
    /// <summary>The statement text; the figures it refers to are fields of the report.</summary>
    public const string Text =
        "All readings received were used; none was edited or excluded. Readings of the same logger at the same instant " +
        "were averaged once and counted (duplicateCount). Gaps are listed and counted neither in nor out of range. " +
        "Ignore periods of the profile are excluded from the evaluation only. The series hash identifies the exact data assessed; " +
        "keep the raw files with this report.";
}
