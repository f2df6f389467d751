using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using Logistics.Gxp.Reports.Json;

namespace Logistics.Gxp.Reports;

/// <summary>
/// One version of a report: the assessment, what the report says about itself, and the content hash that binds
/// the JSON, CSV and PDF renderings of this version together.
/// </summary>
public sealed class GxpReport
{
    GxpReport(ShipmentAssessment assessment, ReportMetadata metadata, string profileSha256, string contentSha256)
    {
        Assessment = assessment;
        Metadata = metadata;
        ProfileSha256 = profileSha256;
        ContentSha256 = contentSha256;
        ReportId = metadata.ReportId ?? "GXP-" + contentSha256[..12].ToUpperInvariant();
    }

    /// <summary>The assessment reported.</summary>
    public ShipmentAssessment Assessment { get; }
    /// <summary>Generation time, version, status.</summary>
    public ReportMetadata Metadata { get; }
    /// <summary>Report id (given, or derived from the content hash).</summary>
    public string ReportId { get; }
    /// <summary>SHA-256 of the canonical profile JSON: names the exact profile version applied.</summary>
    public string ProfileSha256 { get; }
    /// <summary>SHA-256 of the canonical content (see <see cref="ReportConventions.HashCovers"/>).</summary>
    public string ContentSha256 { get; }

    /// <summary>Writer options shared by every JSON rendering: readable '°C', no HTML escaping.</summary>
    internal static JsonWriterOptions WriterOptions(bool indented) =>
        new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Computes the hashes and fixes the report id.</summary>
    public static GxpReport Create(ShipmentAssessment assessment, ReportMetadata metadata)
    {
        var profileSha = Sha256(w => ProfileJson.Write(w, assessment.Profile));
        var contentSha = Sha256(w =>
        {
            w.WriteStartObject();
            GxpJsonReport.WriteContent(w, assessment, profileSha);
            w.WriteEndObject();
        });
        return new GxpReport(assessment, metadata, profileSha, contentSha);
    }

    static string Sha256(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions(indented: false))) write(w);
        return Convert.ToHexStringLower(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
    }
}
