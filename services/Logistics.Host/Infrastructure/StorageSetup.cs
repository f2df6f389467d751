using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Logistics.Canonical.Events;
using Logistics.Host.Locations;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Npgsql;

namespace Logistics.Host.Infrastructure;

/// <summary>PostgreSQL (with NodaTime types) and Marten: string-keyed streams, event ids unique, quick batched append.</summary>
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

            opts.Events.StreamIdentity = StreamIdentity.AsString;
            // The deterministic event id is the idempotency key: a unique index makes a duplicate impossible even if
            // two writers race past the pre-check.
            opts.Events.EnableUniqueIndexOnEventId = true;
            opts.Events.AppendMode = EventAppendMode.Quick;
            opts.Events.AddEventTypes([typeof(MilestoneEvent), typeof(MeasurementEvent), typeof(PositionEvent),
                typeof(AssociationEvent), typeof(AlarmEvent), typeof(RetractionEvent)]);

            opts.Projections.Add<AssetLocationProjection>(ProjectionLifecycle.Inline);
        }).ApplyAllDatabaseChangesOnStartup();
        return services;
    }
}
