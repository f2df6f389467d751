using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.ShipmentReports;
using Logistics.Host.Tests.Support;
using UglyToad.PdfPig;

namespace Logistics.Host.Tests;

/// <summary>QA's electronic signatures on report versions (API.md "Signatures"; 21 CFR 11.50, 11.70, 11.200).</summary>
[Collection(HostCollection.Name)]
public sealed class Signing_a_report_version(HostFixture host)
{
    static readonly DateTimeOffset T0 = new(2026, 8, 1, 6, 0, 0, TimeSpan.Zero);
    const string Password = RouteCases.SigningPassword;

    async Task SetPasswordAsync(TestTenant tenant, Role role)
    {
        using var put = await tenant.Clients[role].PutAsJsonAsync($"/users/{role.Name()}@{tenant.Id}.example/signing-password", new { password = Password });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
    }

    static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task each_rule_holds_and_a_signature_verifies_against_its_own_version_only()
    {
        await SetPasswordAsync(host.Tenant, Role.Qa);
        await SetPasswordAsync(host.Tenant, Role.Admin);
        var s = await ShipmentDriver.RegisterAsync(host, host.Tenant, T0);
        // 12 °C for 40 min: H1 (30 min) alarms, the verdict is alarm.
        await s.PostReadingsAsync(Enumerable.Range(0, 13).Select(i => (T0.AddMinutes(i * 10), i is >= 4 and <= 7 ? 12.0 : 5.0)));
        var (v1, _, _) = await s.ReportAsync();
        Assert.Equal("alarm", v1.GetProperty("verdict").GetString());
        var hash = v1.GetProperty("contentSha256").GetString()!;
        var version = v1.GetProperty("reportVersion").GetInt32();

        // A wrong password: 401, nothing signed, and the attempt is in the audit trail.
        var wrong = await BodyAsync(await s.SignAsync(Role.Qa, version, "reviewed", "not the password"), HttpStatusCode.Unauthorized);
        Assert.Equal("password", wrong.GetProperty("where").GetString());
        var audit = await host.Tenant.Clients[Role.Qa].GetJsonAsync($"/audit?target=shipment:{s.Id}/report:{version}");
        var failed = Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "signature.failed");
        Assert.StartsWith($"qa@{host.Tenant.Id}.example (key_", failed.GetProperty("actor").GetString());
        Assert.Equal("wrong signing password", failed.GetProperty("reason").GetString());
        Assert.Equal(0, (await s.VersionsAsync())[0].GetProperty("signatures").GetArrayLength());

        // Bad input names where.
        Assert.Equal("meaning", (await BodyAsync(await s.SignAsync(Role.Qa, version, "liked", Password), HttpStatusCode.BadRequest)).GetProperty("where").GetString());
        Assert.Equal("version", (await BodyAsync(await s.SignAsync(Role.Qa, 99, "reviewed", Password), HttpStatusCode.NotFound)).GetProperty("where").GetString());

        // Reviewed by QA: bound to this version's content hash.
        var reviewed = await BodyAsync(await s.SignAsync(Role.Qa, version, "reviewed", Password, "record complete, excursion assessed"), HttpStatusCode.Created);
        Assert.Equal(($"qa@{host.Tenant.Id}.example", "reviewed", hash), (reviewed.GetProperty("signer").GetString(), reviewed.GetProperty("meaning").GetString(),
            reviewed.GetProperty("contentSha256").GetString()));
        Assert.EndsWith("Z", reviewed.GetProperty("signedAt").GetString());
        Assert.Equal("reviewed", (await s.ReportAsync(version: version)).Json.GetProperty("status").GetString());

        // The reviewer cannot approve; the same meaning twice is refused too.
        Assert.Equal("meaning", (await BodyAsync(await s.SignAsync(Role.Qa, version, "approved", Password, "ok"), HttpStatusCode.Conflict)).GetProperty("where").GetString());
        await BodyAsync(await s.SignAsync(Role.Qa, version, "reviewed", Password), HttpStatusCode.Conflict);
        // Approving an alarm verdict needs QA's reason.
        var unreasoned = await BodyAsync(await s.SignAsync(Role.Admin, version, "approved", Password, "   "), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("comment", unreasoned.GetProperty("where").GetString());
        var approved = await BodyAsync(await s.SignAsync(Role.Admin, version, "approved", Password, "excursion within the stability data: release"), HttpStatusCode.Created);
        Assert.Equal($"admin@{host.Tenant.Id}.example", approved.GetProperty("signer").GetString());
        // Decided: nothing more is signed on this version.
        await BodyAsync(await s.SignAsync(Role.Qa, version, "rejected", Password, "second thoughts"), HttpStatusCode.Conflict);

        var (signedVersion, _, _) = await s.ReportAsync(version: version);
        Assert.Equal("approved", signedVersion.GetProperty("status").GetString());
        var signatures = signedVersion.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(["reviewed", "approved"], signatures.Select(x => x.GetProperty("meaning").GetString()));
        Assert.All(signatures, x => Assert.True(x.GetProperty("verified").GetBoolean()));
        Assert.Equal(hash, signedVersion.GetProperty("contentSha256").GetString()); // signing never changes the content

        // The PDF shows each signature: printed name, date and time with its zone, meaning.
        using (var document = PdfDocument.Open(await s.ReportBytesAsync("pdf", version)))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            foreach (var x in signatures)
            {
                Assert.Contains(x.GetProperty("signer").GetString()!, text);
                var at = DateTimeOffset.Parse(x.GetProperty("signedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains($"{at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (+00:00)", text);
            }
            Assert.Contains("approved", text);
            Assert.Contains("reviewed", text);
        }

        // A consignee the shipment is shared with reads the report, never signs it.
        await host.Tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{s.Id}/shares", new { tenantId = host.Other.Id }, HttpStatusCode.Created);
        Assert.Equal(hash, (await s.ReportAsync(host.Other.Clients[Role.Qa], version)).Json.GetProperty("contentSha256").GetString());
        await SetPasswordAsync(host.Other, Role.Qa);
        using (var consignee = await host.Other.Clients[Role.Qa].PostAsJsonAsync($"/shipments/{s.Id}/reports/{version}/signatures",
                   new { meaning = "reviewed", password = Password }))
            Assert.Equal(HttpStatusCode.Forbidden, consignee.StatusCode);

        // Late data makes the next version: the signed one is superseded (409 to sign), its signatures stay with it.
        await s.PostReadingsAsync([(T0.AddMinutes(55), 5.0)]);
        var versions = await s.WaitVersionsAsync(version + 1);
        var next = versions[versions.GetArrayLength() - 1];
        Assert.Equal(0, next.GetProperty("signatures").GetArrayLength());
        Assert.Equal("superseded", versions[version - 1].GetProperty("status").GetString());
        Assert.Equal(2, versions[version - 1].GetProperty("signatures").GetArrayLength());
        var superseded = await BodyAsync(await s.SignAsync(Role.Qa, version, "reviewed", Password), HttpStatusCode.Conflict);
        Assert.Equal("version", superseded.GetProperty("where").GetString());

        // A signature never verifies against another version's hash (nor with anything of it changed).
        var binding = host.Services.GetRequiredService<SignatureBinding>();
        var log = await host.Services.GetRequiredService<ReportVersions>().LogAsync(host.Tenant.Id, s.Id, CancellationToken.None);
        var sig = log.SignaturesOf(version).First(x => x.Meaning == "approved");
        var nextVersion = next.GetProperty("version").GetInt32();
        var nextHash = next.GetProperty("contentSha256").GetString()!;
        Assert.True(binding.Verifies(host.Tenant.Id, s.Id, version, hash, sig));
        Assert.False(binding.Verifies(host.Tenant.Id, s.Id, nextVersion, nextHash, sig));
        Assert.False(binding.Verifies(host.Tenant.Id, s.Id, nextVersion, nextHash, sig with { Version = nextVersion, ContentSha256 = nextHash }));
        Assert.False(binding.Verifies(host.Tenant.Id, s.Id, version, hash, sig with { Meaning = "rejected" }));
        Assert.False(binding.Verifies(host.Other.Id, s.Id, version, hash, sig));
    }
}
