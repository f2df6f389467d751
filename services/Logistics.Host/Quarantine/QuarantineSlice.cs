using Logistics.Host.Infrastructure;

namespace Logistics.Host.Quarantine;

public static class QuarantineSlice
{
    public static IServiceCollection AddQuarantine(this IServiceCollection services, HostSettings settings) =>
        services.AddSingleton<QuarantineStore>();
}
