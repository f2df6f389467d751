using Logistics.Access;
using Logistics.Access.Audit;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Marten;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Audit;

/// <summary>
/// The audit trail in the host (docs/audit-trail.md): the key (from settings, else the key file, made on first start), the
/// trail the change paths append to in their own transactions, the subscription that records the shipment streams' changes,
/// and <c>GET /audit</c>.
/// </summary>
public static class AuditSlice
{
    public static IServiceCollection AddAudit(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton(_ => AuditKey.Resolve(settings.AuditKey, settings.AuditKeyFile, create: true)!);
        services.AddSingleton(sp => new AuditTrail(sp.GetRequiredService<NpgsqlDataSource>(), settings.Schema, sp.GetRequiredService<AuditKey>(),
            sp.GetRequiredService<IClock>()));
        services.AddSingleton<IPlainTables, AuditTables>();
        services.AddSingleton<AuditActors>();
        services.AddSingleton<ShipmentChangeAudit>();
        services.ConfigureMarten((sp, opts) => opts.Projections.Subscribe(sp.GetRequiredService<ShipmentChangeAudit>()));
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit", AuditEndpoints.List).WithName("ListAuditEntries").WithTags("Audit").RequireRoles(Role.Qa)
            .WithSummary("The tenant's audit trail in chain order: every change with who, what, before/after, reason, UTC time and its hashes; from/to (instants) and target filter.");
        return app;
    }

    /// <summary>The tables, and a first entry for every tenant that has no chain yet (made before the audit trail existed).</summary>
    sealed class AuditTables(AuditTrail trail) : IPlainTables
    {
        public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
        {
            await AuditSchema.ApplyAsync(db, schema, ct);
            foreach (var tenant in await trail.TenantsWithoutChainAsync(ct))
                await trail.AppendAsync(new AuditRecord(tenant, "system", "audit.chain-started", $"tenant:{tenant}",
                    Reason: "the tenant existed before its audit chain"), ct);
        }
    }
}
