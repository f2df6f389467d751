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

    /// <summary>The statement on the stored record's history (late data, versions), printed with <see cref="RecordHistory"/>.</summary>
    public const string HistoryText =
        "Readings that arrived after a version covering their time was made reopened that version: the assessment was recomputed " +
        "from the stored streams and fixed as a new version. Older versions stay readable, unchanged, with their signatures, as superseded. " +
        "The raw-messages hash covers the SHA-256 of every raw message the assessed readings came from; each is kept in the raw inbox.";
}
