using Logistics.Access.Audit;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// Binds a signature to exactly one version (21 CFR 11.70): an HMAC, with the audit key, over the tenant, shipment, version,
/// that version's content hash and everything the signature states. It verifies against that version's hash only — never
/// against another version's — and nobody who can write the database but lacks the key can make or alter one.
/// </summary>
public sealed class SignatureBinding(AuditKey key)
{
    public string Bind(string tenantId, string shipmentId, int version, string contentSha256, string signatureId, string signer, string meaning,
        string? comment, Instant signedAt) =>
        key.Sign(Manifest(tenantId, shipmentId, version, contentSha256, signatureId, signer, meaning, comment, signedAt));

    /// <summary>Whether <paramref name="s"/> is a signature of the version with <paramref name="contentSha256"/>.</summary>
    public bool Verifies(string tenantId, string shipmentId, int version, string contentSha256, SignatureRecord s) =>
        key.Verifies(Manifest(tenantId, shipmentId, version, contentSha256, s.Id, s.Signer, s.Meaning, s.Comment, s.SignedAt), s.Binding);

    static string Manifest(string tenantId, string shipmentId, int version, string contentSha256, string signatureId, string signer, string meaning,
        string? comment, Instant signedAt) =>
        System.Text.Json.JsonSerializer.Serialize(new[]
        {
            "report-signature", tenantId, shipmentId, version.ToString(System.Globalization.CultureInfo.InvariantCulture), contentSha256, signatureId,
            signer, meaning, comment ?? "", InstantPattern.ExtendedIso.Format(signedAt),
        });
}
