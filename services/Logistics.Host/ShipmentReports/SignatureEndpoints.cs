using System.Text.Json;
using Logistics.Access;
using Logistics.Access.Audit;
using Logistics.Host.Access;
using Logistics.Host.Audit;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// <c>POST /shipments/{id}/reports/{version}/signatures</c> (qa): an electronic signature of one report version (21 CFR 11.50,
/// 11.70, 11.200), re-authenticated with the signer's signing password. The rules are <see cref="SignatureRules"/>'; a wrong
/// password is 401 and an audit entry.
/// </summary>
public static class SignatureEndpoints
{
    public sealed record SignRequest(string? Meaning, string? Password, string? Comment);

    public sealed record SignatureCreated(string Id, string Signer, string Meaning, Instant SignedAt, string ContentSha256, int Version, string? Comment);

    internal static async Task<Results<Created<SignatureCreated>, ProblemHttpResult>> Sign(string id, string version, JsonElement? body, HttpContext http,
        ShipmentAccess access, ReportVersions versions, SigningPasswords passwords, SignatureBinding binding, AuditTrail audit, IDocumentStore store,
        IClock clock, CancellationToken ct)
    {
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
            return Problems.BadRequest($"version '{version}' is not a version number", "version", "an integer from 1");
        var caller = Caller.Of(http);
        if (await access.FindAsync(caller, id, ct) is not { } s) return Problems.NotFound($"no shipment {id}", "id");
        if (!s.Owned) return Problems.Forbidden("a shared shipment is read-only for the tenant it was shared with: only its owner's QA signs its reports");
        if (Read(body) is not { } request) return Problems.BadRequest("the body must be a JSON object", "body", "{\"meaning\", \"password\", \"comment\"}");
        if (request.Meaning is not ("reviewed" or "approved" or "rejected"))
            return Problems.BadRequest($"unknown meaning '{request.Meaning}'", "meaning", "reviewed, approved or rejected");
        if (string.IsNullOrEmpty(request.Password)) return Problems.BadRequest("missing password", "password", "the signer's signing password");
        if (caller.User is not { } signer)
            return Problems.Forbidden("this key belongs to no user: a signature needs a user with a signing password (issue a key with \"user\")");

        var target = $"shipment:{id}/report:{number}";
        if ((await versions.LogAsync(s.OwnerTenantId, id, ct)).Find(number) is null)
            return Problems.NotFound($"shipment {id} has no report version {number}", "version");
        if (!await passwords.VerifyAsync(s.OwnerTenantId, signer, request.Password, ct))
        {
            await audit.AppendAsync(new AuditRecord(s.OwnerTenantId, AuditActors.Of(caller), "signature.failed", target,
                After: AuditRecord.Json(new { meaning = request.Meaning, version = number }), Reason: "wrong signing password"), ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "wrong signing password",
                detail: "the signing password does not match: the signature was not made, and the attempt was recorded in the audit trail",
                extensions: new Dictionary<string, object?> { ["where"] = "password" });
        }

        for (var attempt = 1; ; attempt++)
        {
            var log = await versions.LogAsync(s.OwnerTenantId, id, ct);
            var v = log.Find(number)!;
            var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
            if (SignatureRules.Check(log, v, signer, request.Meaning, comment) is { } refused) return refused;

            var now = clock.GetCurrentInstant();
            var signatureId = "sig_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            var signed = new ReportSigned(id, signatureId, number, v.ContentSha256, signer, request.Meaning, comment, now, caller.KeyId,
                binding.Bind(s.OwnerTenantId, id, number, v.ContentSha256, signatureId, signer, request.Meaning, comment, now));
            if (await TryAppendAsync(store, s.OwnerTenantId, id, signed, ct))
                return TypedResults.Created($"/shipments/{id}/report?version={number}",
                    new SignatureCreated(signatureId, signer, request.Meaning, now, v.ContentSha256, number, comment));
            if (attempt == 5) return Problems.Conflict("the shipment kept changing while signing; try again", "id");
        }
    }

    static SignRequest? Read(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } b) return null;
        string? Text(string name) => b.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new SignRequest(Text("meaning"), Text("password"), Text("comment"));
    }

    static async Task<bool> TryAppendAsync(IDocumentStore store, string tenantId, string shipmentId, ReportSigned signed, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        var key = ShipmentStreams.Key(shipmentId);
        var state = await session.Events.FetchStreamStateAsync(key, ct) ?? throw new InvalidOperationException($"shipment {shipmentId} has no stream");
        session.Events.Append(key, state.Version + 1, signed);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (StreamConflicts.IsConflict(ex))
        {
            return false;
        }
    }
}

/// <summary>
/// When a signature may be made (API.md "Signatures", GXP.md Part 11): on the newest version only (a superseded one: 409);
/// a version approved or rejected is decided (409); one signer, one meaning per version (409); the signer of <c>reviewed</c>
/// is never the signer of <c>approved</c> and the other way round (409, two people); approving a version whose verdict is
/// <c>alarm</c> or <c>incomplete</c> needs QA's reason in <c>comment</c> (422).
/// </summary>
public static class SignatureRules
{
    public static ProblemHttpResult? Check(ShipmentReportLog log, ReportVersionRecord version, string signer, string meaning, string? comment)
    {
        if (log.Newest is { } newest && newest.Version > version.Version)
            return Problems.Conflict($"version {version.Version} is superseded by version {newest.Version}: sign the newest version", "version",
                $"version {newest.Version} ({newest.ContentSha256})");
        var existing = log.SignaturesOf(version.Version).ToList();
        if (existing.FirstOrDefault(x => x.Meaning is "approved" or "rejected") is { } decided)
            return Problems.Conflict($"version {version.Version} is already {decided.Meaning} (by {decided.Signer}): a disposition is final", "version");
        if (existing.Any(x => x.Signer == signer && x.Meaning == meaning))
            return Problems.Conflict($"{signer} has already signed version {version.Version} as {meaning}", "meaning");
        if (meaning == "approved" && existing.Any(x => x.Signer == signer && x.Meaning == "reviewed"))
            return Problems.Conflict($"{signer} reviewed version {version.Version}: the approver must be someone else", "meaning",
                "reviewer and approver are two different people");
        if (meaning == "approved" && version.Verdict is "alarm" or "incomplete" && comment is null)
            return Unprocessable($"version {version.Version}'s verdict is {version.Verdict}: approving it needs QA's reason in 'comment'", "comment");
        return null;
    }

    static ProblemHttpResult Unprocessable(string title, string where) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: "a non-empty comment",
            extensions: new Dictionary<string, object?> { ["where"] = where });
}
