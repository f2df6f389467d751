using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Logistics.Host.Tests.Support;

/// <summary>A webhook receiver on loopback: records every request per path and answers the statuses it is told to, in turn.</summary>
public sealed class Receiver : IAsyncDisposable
{
    public sealed record Request(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At);

    readonly WebApplication _app;
    readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _script = new();
    public ConcurrentQueue<Request> Requests { get; } = new();
    public Uri BaseAddress { get; }

    Receiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Receiver? self = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var path = http.Request.Path.Value ?? "/";
            self!.Requests.Enqueue(new Request(path, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                buffer.ToArray(), DateTimeOffset.UtcNow));
            return Results.StatusCode(self._script.TryGetValue(path, out var q) && q.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new Receiver(app, new Uri(address));
        return self;
    }

    /// <summary>The next requests to <paramref name="path"/> get these statuses; after them, 200.</summary>
    public void Answer(string path, params int[] statuses)
    {
        var q = _script.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var s in statuses) q.Enqueue(s);
    }

    public void Reset(string path) => _script.TryRemove(path, out _);

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public IReadOnlyList<Request> At(string path) => Requests.Where(r => r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
