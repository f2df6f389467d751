using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Logistics.Access;

namespace Logistics.Host.Tests.Support;

/// <summary>
/// Drives one shipment of a tenant through the real API: registration, a logger window, readings posted as TTS uplinks
/// (Cayenne LPP, 0.1 °C), carrier milestones (DCSA for the ocean leg, X12 214 for road), and the report routes.
/// </summary>
public sealed class ShipmentDriver(HostFixture host, TestTenant tenant, string shipmentId, string devEui, string container, string bol)
{
    public string Id { get; } = shipmentId;
    public string DevEui { get; } = devEui;
    public string Device => "devEui:" + DevEui;
    public string Container { get; } = container;
    public string Bol { get; } = bol;
    public TestTenant Tenant { get; } = tenant;

    public static async Task<ShipmentDriver> RegisterAsync(HostFixture host, TestTenant tenant, DateTimeOffset windowFrom, object? legs = null,
        string profile = "col-2-8", string? reference = null)
    {
        var devEui = Uplinks.NewDevEui();
        var container = Carrier.NewContainer();
        var bol = "BOL" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await tenant.Clients[Role.Shipper].PostJsonAsync("/shipments", new
        {
            reference = reference ?? "PO-" + devEui,
            refs = new[] { new { scheme = "container", value = container }, new { scheme = "bol", value = bol } },
            product = new { name = "Vaccine X", lot = "L-" + devEui[^4..] },
            profile,
            consignee = "Hospital Pharmacy",
            legs = legs ?? Array.Empty<object>(),
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{id}/devices",
            new { device = $"devEui:{devEui}", from = Iso(windowFrom), position = "product" }, HttpStatusCode.Created);
        return new ShipmentDriver(host, tenant, id, devEui, container, bol);
    }

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts the readings as uplinks, <paramref name="parallel"/> at a time in the given order, and waits until all are translated.</summary>
    public async Task PostReadingsAsync(IEnumerable<(DateTimeOffset At, double Celsius)> readings, int parallel = 6)
    {
        var integrator = Tenant.Clients[Role.Integrator];
        var ids = new List<Guid>();
        foreach (var chunk in readings.Chunk(parallel))
            ids.AddRange(await Task.WhenAll(chunk.Select(r =>
                HostFixture.PostAsync(integrator, "tts-v3", Uplinks.CayenneTemperature(DevEui, r.At, r.Celsius, fCnt: (int)(r.At.ToUnixTimeSeconds() / 60 % 60000)), "cayenne-lpp"))));
        foreach (var id in ids)
            Assert.Equal("translated", (await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(60), Tenant.Clients[Role.Admin])).GetProperty("status").GetString());
    }

    /// <summary>DCSA equipment events of the container (the ocean carrier's milestones: no carrier code of their own).</summary>
    public Task PostDcsaAsync(params Carrier.Move[] moves) => PostAndWaitAsync("dcsa-tnt", Carrier.Dcsa(Container, moves));

    /// <summary>An X12 214 of the road carrier <paramref name="scac"/> for the bill of lading: one AT7 per (code, time).</summary>
    public Task PostX12Async(string scac, params (string Code, DateTimeOffset At)[] statuses)
    {
        var body = new StringBuilder();
        body.Append($"ISA|00|          |00|          |02|{scac,-15}|ZZ|COLDCHAINCO    |260701|0900|U|00401|000000001|0|P|^~\n");
        body.Append($"GS|QM|{scac}|COLDCHAINCO|20260701|0900|1|X|004010~\n");
        var segments = new List<string> { "ST|214|0001", $"B10|PRO{Bol}|SH-{Bol}|{scac}", $"L11|{Bol}|BM" };
        var i = 1;
        foreach (var (code, at) in statuses)
        {
            segments.Add($"LX|{i++}");
            segments.Add($"AT7|{code}|NS|||{at.UtcDateTime:yyyyMMdd}|{at.UtcDateTime:HHmm}|UT");
            segments.Add("MS1|ROTTERDAM||NL");
        }
        segments.Add($"SE|{segments.Count + 1}|0001");
        foreach (var s in segments) body.Append(s).Append("~\n");
        body.Append("GE|1|1~\nIEA|1|000000001~\n");
        return PostAndWaitAsync("x12-214", Encoding.ASCII.GetBytes(body.ToString()));
    }

    async Task PostAndWaitAsync(string adapter, byte[] body)
    {
        var id = await HostFixture.PostAsync(Tenant.Clients[Role.Integrator], adapter, body);
        var processed = await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(60), Tenant.Clients[Role.Admin]);
        Assert.True(processed.GetProperty("status").GetString() == "translated", $"{adapter}: {processed}");
    }

    public async Task<JsonElement> TimelineAsync() =>
        (await Tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{Id}/timeline")).GetProperty("entries");

    /// <summary>Waits until the timeline has entries of <paramref name="code"/> matching <paramref name="want"/>.</summary>
    public async Task<List<JsonElement>> WaitTimelineAsync(string code, Func<List<JsonElement>, bool> want, string what)
    {
        List<JsonElement> entries = [];
        await HostFixture.WaitUntilAsync(async () =>
            want(entries = (await TimelineAsync()).EnumerateArray().Where(e => e.GetProperty("code").GetString() == code).ToList()),
            TimeSpan.FromSeconds(60), what);
        return entries;
    }

    public async Task<(JsonElement Json, string Text, HttpResponseMessage Response)> ReportAsync(HttpClient? client = null, int? version = null)
    {
        var response = await (client ?? Tenant.Clients[Role.Qa]).GetAsync($"/shipments/{Id}/report?format=json{(version is { } v ? $"&version={v}" : "")}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"report: {(int)response.StatusCode} {text}");
        return (JsonDocument.Parse(text).RootElement.Clone(), text, response);
    }

    public async Task<byte[]> ReportBytesAsync(string format, int version)
    {
        using var response = await Tenant.Clients[Role.Qa].GetAsync($"/shipments/{Id}/report?format={format}&version={version}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<JsonElement> VersionsAsync() =>
        (await Tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{Id}/reports")).GetProperty("versions");

    public async Task<JsonElement> WaitVersionsAsync(int count)
    {
        JsonElement versions = default;
        await HostFixture.WaitUntilAsync(async () => (versions = await VersionsAsync()).GetArrayLength() >= count, TimeSpan.FromSeconds(60),
            $"{count} report version(s) of {Id}");
        return versions;
    }

    public async Task<HttpResponseMessage> SignAsync(Role role, int version, string meaning, string password, string? comment = null) =>
        await Tenant.Clients[role].PostAsJsonAsync($"/shipments/{Id}/reports/{version}/signatures", new { meaning, password, comment });
}
