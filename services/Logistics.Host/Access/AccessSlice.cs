using Logistics.Access;
using Logistics.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace Logistics.Host.Access;

/// <summary>
/// Tenants, keys and roles in the host: the bearer-key authentication scheme, role policies (every route needs a key
/// unless it says <see cref="AccessEndpointExtensions.AllowAnonymousAccess{TBuilder}"/>), request sessions on the
/// caller's tenant, and the key and signing-password routes.
/// </summary>
public static class AccessSlice
{
    public static IServiceCollection AddAccess(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<IPlainTables, AccessTables>();
        // Every change of keys and signing passwords is an audit entry in the same transaction (docs/audit-trail.md).
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<NpgsqlDataSource>(), settings.Schema, sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredService<Logistics.Access.Audit.AuditTrail>()));
        services.AddSingleton(sp => new SigningPasswords(sp.GetRequiredService<NpgsqlDataSource>(), settings.Schema, sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredService<Logistics.Access.Audit.AuditTrail>()));
        services.AddSingleton<ApiKeyCache>();
        services.AddHttpContextAccessor();
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(o =>
        {
            // A route that forgot to declare its roles still needs a key (and the route-table tests fail on it).
            o.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build();
        });
        return services;
    }

    /// <summary>Request-scoped Marten sessions open on the caller's tenant (call after AddMarten).</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression UseTenantSessions(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        marten.BuildSessionsWith<TenantSessions>(ServiceLifetime.Scoped);

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api-keys").WithTags("Access");
        keys.MapPost("/", ApiKeyEndpoints.Issue).WithName("IssueApiKey").RequireRoles(Role.Admin)
            .WithSummary("Issue an API key of the caller's tenant; the key is in this response only (stored as a SHA-256 hash).");
        keys.MapGet("/", ApiKeyEndpoints.List).WithName("ListApiKeys").RequireRoles(Role.Admin)
            .WithSummary("The tenant's keys (never their secrets), revoked ones with the time of revocation.");
        keys.MapDelete("/{id}", ApiKeyEndpoints.Revoke).WithName("RevokeApiKey").RequireRoles(Role.Admin)
            .WithSummary("Revoke a key at once; later requests with it are 401.");
        app.MapPut("/users/{email}/signing-password", ApiKeyEndpoints.SetSigningPassword).WithName("SetSigningPassword").WithTags("Access")
            .RequireAnyRole()
            .WithSummary("Set the signing password of the key's own user (Argon2id; never stored or logged in clear).");
        app.MapGet("/me", ApiKeyEndpoints.Me).WithName("WhoAmI").WithTags("Access").RequireAnyRole()
            .WithSummary("The calling key: its tenant (id and name), key id, role and user.");
        return app;
    }

    sealed class AccessTables : IPlainTables
    {
        public Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct) => AccessSchema.ApplyAsync(db, schema, ct);
    }
}
