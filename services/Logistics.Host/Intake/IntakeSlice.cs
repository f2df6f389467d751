using Logistics.Host.Infrastructure;

namespace Logistics.Host.Intake;

/// <summary>The intake slice: the raw inbox (group-committed writer), the confirmed publisher and the re-publisher.</summary>
public static class IntakeSlice
{
    public static IServiceCollection AddIntake(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<RawInbox>();
        services.AddSingleton<RawInboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RawInboxWriter>());
        services.AddSingleton<IntakePublisher>();
        services.AddHostedService<Republisher>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app) => app.MapIngest().MapRaw();
}
