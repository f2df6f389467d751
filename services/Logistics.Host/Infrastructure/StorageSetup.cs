using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Logistics.Canonical.Events;
using Logistics.Host.Access;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Npgsql;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// PostgreSQL (with NodaTime types), the slices' plain tables, and Marten: conjoined tenancy, string-keyed streams, event ids
/// unique, quick batched append, and the async daemon (hot/cold: one node runs the live subscriptions). Slices add their
/// projections and subscriptions with <c>services.ConfigureMarten</c>.
/// </summary>
public static class StorageSetup
{
    public static IServiceCollection AddLogisticsStorage(this IServiceCollection services, HostSettings settings)
    {
        var builder = new NpgsqlDataSourceBuilder(settings.Postgres);
        builder.UseNodaTime();
        var dataSource = builder.Build();
        services.AddSingleton(dataSource);

        services.AddMarten(opts =>
        {
            opts.Connection(dataSource);
            opts.DatabaseSchemaName = settings.Schema;
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            opts.UseSystemTextJsonForSerialization(configure: json => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));

            // Conjoined tenancy (docs/tenancy.md): one database, tenant_id on every event, stream and document row; a
            // stream's identity is (tenant, key) and every session is opened for one tenant.
            opts.Events.TenancyStyle = TenancyStyle.Conjoined;
            opts.Policies.AllDocumentsAreMultiTenanted();
            opts.Events.StreamIdentity = StreamIdentity.AsString;
            // The deterministic event id (tenant-scoped: TenantEventIds) is the idempotency key: a unique index makes a
            // duplicate impossible even if two writers race past the pre-check.
            opts.Events.EnableUniqueIndexOnEventId = true;
            opts.Events.AppendMode = EventAppendMode.Quick;
            opts.Events.AddEventTypes([typeof(MilestoneEvent), typeof(MeasurementEvent), typeof(PositionEvent),
                typeof(AssociationEvent), typeof(AlarmEvent), typeof(RetractionEvent)]);
            // Live processing over committed events (subscriptions, async projections) never skips a failing event: it stops
            // the agent and logs, and resumes from its last committed progress (JasperFx.Events 2 would skip by default).
            opts.Projections.Errors.SkipApplyErrors = false;
            opts.Projections.Errors.SkipSerializationErrors = false;
            opts.Projections.Errors.SkipUnknownEvents = false;
            // The lock id is per schema: test hosts share one database.
            opts.Projections.DaemonLockId = DaemonLockId(settings.Schema);
        }).UseTenantSessions().ApplyAllDatabaseChangesOnStartup().AddAsyncDaemon(settings.RunsAsyncDaemon ? JasperFx.Events.Daemon.DaemonMode.HotCold : JasperFx.Events.Daemon.DaemonMode.Disabled);
        services.AddHostedService<InboxSchemaInitializer>();
        return services;
    }

    /// <summary>The daemon's advisory-lock id, per schema (Marten's default is the same for every application).</summary>
    static int DaemonLockId(string schema) => AdvisoryLockIds.For("marten-daemon", schema);
}
