using Logistics.Host.Infrastructure;
using Microsoft.Extensions.FileProviders;

namespace Logistics.Host.WebConsole;

/// <summary>
/// The web console (docs/console.md; the folder is not called Console so that no namespace hides System.Console): static files built from <c>services/Logistics.Host/console</c> by Vite, served at
/// <c>/console/</c> to anyone. They hold no data: every number the console shows comes from the API, which stays keyed.
/// The files are served by middleware ahead of authentication, so they are no endpoints and the route table is unchanged.
/// </summary>
public static class WebConsoleSlice
{
    public const string Path = "/console";

    public static IServiceCollection AddWebConsole(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton(new WebConsoleFiles(settings.ConsoleRoot));
        return services;
    }

    /// <summary>Serves the console when it was built (a host built without Node.js answers 404 there and logs why once).</summary>
    public static IApplicationBuilder UseWebConsole(this WebApplication app)
    {
        var files = app.Services.GetRequiredService<WebConsoleFiles>();
        if (!File.Exists(System.IO.Path.Combine(files.Root, "index.html")))
        {
            app.Logger.LogWarning("no web console at {Root}: build it with services/Logistics.Host/console/build.sh", files.Root);
            return app;
        }
        var provider = new PhysicalFileProvider(files.Root);
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = provider });
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = provider,
            // index.html names the hashed bundles: always ask again for it, keep the bundles.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
                c.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });
    }

    public sealed record WebConsoleFiles(string Root);
}
