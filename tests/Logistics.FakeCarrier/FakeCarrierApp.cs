using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Logistics.FakeCarrier;

/// <summary>
/// The fake carrier: one loopback ASP.NET app serving UPS (OAuth + Track v1), FedEx (OAuth + Track v1), DHL (Unified
/// tracking) and an IDP gateway (get_return_messages), each checking its credentials like the real API. Before any handler,
/// <see cref="FakeCarrierOptions.Faults"/> may answer a 429 or 503 instead (with or without Retry-After), and
/// <see cref="Ledger"/> records every request against the Retry-After last sent to that carrier's client.
/// </summary>
public sealed class FakeCarrierApp : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly FakeCarrierOptions _options;
    readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);

    CarrierWorld? _world;

    FakeCarrierApp(WebApplication app, FakeCarrierOptions options)
    {
        _app = app;
        _options = options;
    }

    public CarrierLedger Ledger { get; } = new();

    /// <summary>The carrier's shipments and messages, whose clock starts with the first request it receives (so a slow
    /// client start-up does not eat the schedule); before that, from now.</summary>
    public CarrierWorld World => _world ?? StartWorld(DateTimeOffset.UtcNow);

    CarrierWorld StartWorld(DateTimeOffset at)
    {
        Interlocked.CompareExchange(ref _world, new CarrierWorld(_options, at), null);
        return _world!;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeCarrierApp> StartAsync(FakeCarrierOptions options, string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeCarrierApp(app, options);
        fake.Map();
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    static string CarrierOf(PathString path) =>
        path.StartsWithSegments("/GLGW") ? "orbcomm-idp"
        : path.StartsWithSegments("/track/shipments") ? "dhl"
        : path.StartsWithSegments("/oauth") || path.StartsWithSegments("/track/v1") ? "fedex"
        : "ups";

    void Map()
    {
        _app.Use(async (http, next) =>
        {
            var now = DateTimeOffset.UtcNow;
            var world = _world ?? StartWorld(now);
            var carrier = CarrierOf(http.Request.Path);
            var n = Ledger.Arrive(carrier, http.Request.Path, now);
            if (_options.Faults.For(n, now - world.Start) is { } fault)
            {
                http.Response.StatusCode = fault.Status;
                DateTimeOffset? notBefore = null;
                if (fault.RetryAfter is { } ra)
                {
                    if (ra.AsDate)
                    {
                        // An HTTP date has whole seconds: round up, so the date is at least the delay ahead.
                        var at = DateTimeOffset.UtcNow.AddSeconds(ra.Seconds);
                        var date = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
                        http.Response.Headers.RetryAfter = date.ToString("R", CultureInfo.InvariantCulture);
                        notBefore = date;
                    }
                    else
                    {
                        http.Response.Headers.RetryAfter = ra.Seconds.ToString(CultureInfo.InvariantCulture);
                        notBefore = DateTimeOffset.UtcNow.AddSeconds(ra.Seconds);
                    }
                }
                Ledger.Faulted(carrier, fault.Status, notBefore);
                await http.Response.WriteAsync(fault.Status == 429 ? "rate limit exceeded" : "service unavailable");
                return;
            }
            await next(http);
        });

        _app.MapPost("/security/v1/oauth/token", async (HttpRequest request) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.UpsClientId}:{_options.UpsClientSecret}"));
            var form = await request.ReadFormAsync();
            if (request.Headers.Authorization != expected || form["grant_type"] != "client_credentials")
                return Results.Json(new { response = new { errors = new[] { new { code = "10401", message = "ClientId is Invalid" } } } }, statusCode: 401);
            var token = Issue();
            return Results.Json(new
            {
                token_type = "Bearer", client_id = _options.UpsClientId, access_token = token, status = "approved",
                expires_in = ((int)_options.TokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            });
        });
        _app.MapGet("/api/track/v1/details/{number}", (string number, HttpRequest request) =>
        {
            if (!Authorized(request)) return Unauthorized();
            if (!Knows("ups", number)) return Results.Json(new { response = new { errors = new[] { new { code = "151044", message = "No tracking information available" } } } }, statusCode: 404);
            var events = World.Visible("ups", number, DateTimeOffset.UtcNow);
            Ledger.Served(events.Select(e => e.Key));
            return Results.Bytes(CarrierResponses.Ups(number, events), "application/json");
        });

        _app.MapPost("/oauth/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != _options.FedexClientId || form["client_secret"] != _options.FedexClientSecret)
                return Results.Json(new { errors = new[] { new { code = "NOT.AUTHORIZED.ERROR", message = "The given client credentials were not valid." } } }, statusCode: 401);
            return Results.Json(new { access_token = Issue(), token_type = "bearer", expires_in = (int)_options.TokenLifetime.TotalSeconds, scope = "CXS" });
        });
        _app.MapPost("/track/v1/trackingnumbers", async (HttpRequest request) =>
        {
            if (!Authorized(request)) return Unauthorized();
            using var body = await JsonDocument.ParseAsync(request.Body);
            var numbers = body.RootElement.GetProperty("trackingInfo").EnumerateArray()
                .Select(t => t.GetProperty("trackingNumberInfo").GetProperty("trackingNumber").GetString()!).ToList();
            var now = DateTimeOffset.UtcNow;
            var results = numbers.Where(n => Knows("fedex", n)).Select(n => (n, World.Visible("fedex", n, now))).ToList();
            Ledger.Served(results.SelectMany(r => r.Item2.Select(e => e.Key)));
            return Results.Bytes(CarrierResponses.Fedex(results), "application/json");
        });

        _app.MapGet("/track/shipments", (string trackingNumber, HttpRequest request) =>
        {
            if (request.Headers["DHL-API-Key"] != _options.DhlApiKey)
            {
                Ledger.Unauthorized();
                return Results.Json(new { status = 401, title = "Unauthorized", detail = "Invalid API key" }, statusCode: 401);
            }
            if (!Knows("dhl", trackingNumber)) return Results.Json(new { status = 404, title = "No result found" }, statusCode: 404);
            var events = World.Visible("dhl", trackingNumber, DateTimeOffset.UtcNow);
            Ledger.Served(events.Select(e => e.Key));
            return Results.Bytes(CarrierResponses.Dhl(trackingNumber, events), "application/json");
        });

        _app.MapGet("/GLGW/2/RestMessages.svc/JSON/get_return_messages/", (HttpRequest request) =>
        {
            var q = request.Query;
            // 21785: the gateway's "bad credentials" error, answered with HTTP 200 as the IDP gateways do.
            if (q["access_id"] != _options.IdpAccessId || q["password"] != _options.IdpPassword)
            {
                Ledger.Unauthorized();
                return Results.Bytes(CarrierResponses.IdpError(21785), "application/json");
            }
            IEnumerable<CarrierWorld.IdpMessage> arrived = World.Arrived(DateTimeOffset.UtcNow);
            if (long.TryParse(q["from_id"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromId))
                arrived = arrived.Where(m => m.Id > fromId);
            else if (DateTimeOffset.TryParseExact(q["start_utc"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
                         DateTimeStyles.AssumeUniversal, out var startUtc))
                arrived = arrived.Where(m => m.Arrived.AddTicks(-(m.Arrived.Ticks % TimeSpan.TicksPerSecond)) >= startUtc);
            else
                return Results.Bytes(CarrierResponses.IdpError(21783), "application/json");
            var pending = arrived.OrderBy(m => m.Id).ToList();
            var page = pending.Take(_options.IdpPageSize).ToList();
            Ledger.Served(page.Select(m => m.Key));
            return Results.Bytes(CarrierResponses.IdpPage(_options.IdpMobileId, page, pending.Count > page.Count), "application/json");
        });
    }

    bool Knows(string carrier, string number) => _options.TrackingNumbers.TryGetValue(carrier, out var numbers) && numbers.Contains(number);

    string Issue()
    {
        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        _tokens[token] = DateTimeOffset.UtcNow + _options.TokenLifetime;
        Ledger.TokenIssued();
        return token;
    }

    bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) &&
               _tokens.TryGetValue(header["Bearer ".Length..], out var expires) && DateTimeOffset.UtcNow < expires;
    }

    IResult Unauthorized()
    {
        Ledger.Unauthorized();
        return Results.Json(new { errors = new[] { new { code = "401", message = "Invalid or expired token" } } }, statusCode: 401);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
