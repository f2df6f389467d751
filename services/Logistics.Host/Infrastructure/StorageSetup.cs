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
/// unique, quick batched append. Slices add their projections with <c>services.ConfigureMarten</c>.
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
        }).UseTenantSessions().ApplyAllDatabaseChangesOnStartup();
        services.AddHostedService<InboxSchemaInitializer>();
        return services;
    }
}
