using Logistics.Host.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Logistics.LoadHarness;

/// <summary>A Marten store configured exactly as the host configures its own (StorageSetup), for a given schema.</summary>
public static class StoreFactory
{
    public static async Task<(ServiceProvider Services, IDocumentStore Store)> CreateAsync(string postgres, string schema)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLogisticsStorage(new HostSettings { Postgres = postgres, Schema = schema });
        var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return (provider, store);
    }
}
