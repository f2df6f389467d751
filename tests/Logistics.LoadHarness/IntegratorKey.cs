using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using NodaTime;
using Npgsql;

namespace Logistics.LoadHarness;

/// <summary>
/// A tenant and an integrator key for a harness run, made as a user makes them: the tenant and its admin key with the
/// code of <c>./logistics tenants create</c> (in the host's schema), then the integrator key through <c>POST /api-keys</c>.
/// </summary>
public static class IntegratorKey
{
    public sealed record Issued(string TenantId, string Key);

    public static async Task<Issued> CreateAsync(string postgres, string schema, Uri host, string tenantName, CancellationToken ct)
    {
        var builder = new NpgsqlDataSourceBuilder(postgres);
        builder.UseNodaTime();
        await using var db = builder.Build();
        await AccessSchema.ApplyAsync(db, schema, ct);
        var (tenantId, admin) = await new ApiKeyStore(db, schema, SystemClock.Instance).CreateTenantAsync(tenantName, ct);

        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Key);
        using var response = await http.PostAsJsonAsync("/api-keys", new { name = "load harness", role = "integrator" }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api-keys on {host} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString()
                  ?? throw new InvalidOperationException("POST /api-keys answered without a key");
        return new Issued(tenantId, key);
    }
}
