using Logistics.Host.Infrastructure;

namespace Logistics.Host.Translation;

/// <summary>The translation slice: the batch appender (the consumer itself is registered with the bus in MessagingSetup).</summary>
public static class TranslationSlice
{
    public static IServiceCollection AddTranslation(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<EventAppender>();
        return services;
    }
}
