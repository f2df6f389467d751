using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using RabbitMQ.Client;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

/// <summary>
/// A shipment's GxP report from its stored streams: custody from the carriers' milestones, live alarms on the timeline
/// and on RabbitMQ, and versions — a late batch makes version 2 and leaves version 1 exactly as it was, superseded.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class A_shipment_report_from_the_streams(HostFixture host, ITestOutputHelper output)
{
    static readonly DateTimeOffset T0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    static DateTimeOffset At(int hours, int minutes = 0) => T0.AddHours(hours).AddMinutes(minutes);

    static string Iso(DateTimeOffset t) => ShipmentDriver.Iso(t);

    /// <summary>0:00–12:00 every 10 min at 5 °C, 12 °C from 3:00 to 4:00 (during the ocean leg), nothing 6:10–6:50.</summary>
    static IEnumerable<(DateTimeOffset, double)> FirstReadings() =>
        Enumerable.Range(0, 73).Select(i => At(0, i * 10)).Where(t => t < At(6, 10) || t > At(6, 50))
            .Select(t => (t, t >= At(3) && t <= At(4) ? 12.0 : 5.0));

    [Fact]
    public async Task attributes_the_ocean_excursion_to_its_carrier_and_a_late_batch_makes_version_2_leaving_version_1_unchanged_and_superseded()
    {
        await using var notifications = await NotificationProbe.StartAsync(host);
        var s = await ShipmentDriver.RegisterAsync(host, host.Tenant, T0,
            legs: new[] { new { id = "ocean", custodian = "MAEU", mode = "ocean" }, new { id = "road", custodian = "DHLF", mode = "road" } });
        // Ocean (DCSA names no carrier: the registered ocean leg's custodian) 1:00–8:00; road by DHLF (X12 214 SCAC) 9:00–12:00.
        await s.PostDcsaAsync(new Carrier.Move("LOAD", "ACT", At(1)), new Carrier.Move("DISC", "ACT", At(8)));
        await s.PostX12Async("DHLF", ("P1", At(9)), ("D1", At(12)));
        await s.PostReadingsAsync(FirstReadings());

        // Live: H1 (30 min single) at 3:30 and H2 (60 min cumulative) at 4:00, both in MAEU's custody, on the timeline.
        var alarms = await s.WaitTimelineAsync("EXCURSION_ALARM", a => a.Count >= 2, "the two live alarms of the ocean excursion");
        Assert.Equal([Iso(At(3, 30)), Iso(At(4))], alarms.Select(a => a.GetProperty("at").GetString()).Order());
        Assert.All(alarms, a => Assert.Equal("MAEU", a.GetProperty("carrier").GetString()));

        var (v1, v1Text, v1Response) = await s.ReportAsync();
        Assert.Equal(1, v1.GetProperty("reportVersion").GetInt32());
        Assert.Equal("draft", v1.GetProperty("status").GetString());
        Assert.Equal("alarm", v1.GetProperty("verdict").GetString());
        Assert.Equal($"\"{v1.GetProperty("contentSha256").GetString()}\"", v1Response.Headers.ETag?.Tag);
        var legs = v1.GetProperty("shipment").GetProperty("legs");
        Assert.Equal([("ocean", "MAEU", Iso(At(1)), Iso(At(8))), ("road", "DHLF", Iso(At(9)), Iso(At(12)))],
            legs.EnumerateArray().Select(l => (l.GetProperty("id").GetString(), l.GetProperty("custodian").GetString(), l.GetProperty("start").GetString(),
                l.GetProperty("end").GetString())));
        var excursion = v1.GetProperty("excursions").EnumerateArray().First(e => e.GetProperty("zoneId").GetString() == "H1");
        Assert.Equal(Iso(At(3)), excursion.GetProperty("start").GetString());
        Assert.Equal("ocean", excursion.GetProperty("legId").GetString());
        Assert.Equal("MAEU", excursion.GetProperty("custodian").GetString());
        Assert.All(v1.GetProperty("alarms").EnumerateArray(), a => Assert.Equal(("ocean", "MAEU"), (a.GetProperty("legId").GetString(), a.GetProperty("custodian").GetString())));
        Assert.Equal(1, v1.GetProperty("gaps").GetArrayLength());

        // The same version read again is the same version: no new one for unchanged data.
        Assert.Equal(v1.GetProperty("contentSha256").GetString(), (await s.ReportAsync()).Json.GetProperty("contentSha256").GetString());
        Assert.Equal(1, (await s.VersionsAsync()).GetArrayLength());
        var pdf = await s.ReportBytesAsync("pdf", 1);
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            foreach (var expected in new[] { "ocean", "MAEU", "DHLF", v1.GetProperty("contentSha256").GetString()! }) Assert.Contains(expected, text);
        }
        var summary = await host.Tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{s.Id}");
        Assert.Equal(1, summary.GetProperty("reportVersion").GetInt32());
        Assert.Equal("alarm", summary.GetProperty("excursionState").GetString());

        // A late store-and-forward batch: an in-range reading at 3:25 splits the ocean excursion (its alarms move), and 1.5 °C
        // from 6:10 to 6:50 fills the gap with an excursion below 2 °C (a new alarm, at once).
        await s.PostReadingsAsync([(At(3, 25), 5.0), .. Enumerable.Range(1, 5).Select(i => (At(6, i * 10), 1.5))]);
        // The live processing sees the late readings reopen version 1 and makes the next version (one per page it sees them in).
        JsonElement versions = default;
        await HostFixture.WaitUntilAsync(async () => (versions = await s.VersionsAsync()).EnumerateArray().Skip(1)
                .SelectMany(v => v.GetProperty("lateData").EnumerateArray()).Sum(l => l.GetProperty("count").GetInt32()) == 6,
            TimeSpan.FromSeconds(60), "versions made from the six late readings");
        var all = versions.EnumerateArray().ToList();
        Assert.Equal([.. Enumerable.Repeat("superseded", all.Count - 1), "draft"], all.Select(v => v.GetProperty("status").GetString()));
        Assert.All(all.Skip(1), v => Assert.Equal("late-data", v.GetProperty("trigger").GetString()));
        Assert.All(all.Skip(1).SelectMany(v => v.GetProperty("lateData").EnumerateArray()), l => Assert.Equal(s.Device, l.GetProperty("device").GetString()));
        Assert.Equal(all.Count, all.Select(v => v.GetProperty("contentSha256").GetString()).Distinct().Count());

        // Version 1 reads back exactly as it was made — only its status says superseded.
        var (again, againText, _) = await s.ReportAsync(version: 1);
        Assert.Equal("superseded", again.GetProperty("status").GetString());
        Assert.Equal(Without(v1Text, "status"), Without(againText, "status"));
        using (var document = PdfDocument.Open(await s.ReportBytesAsync("pdf", 1)))
            Assert.Contains("superseded", string.Join("\n", document.GetPages().Select(p => p.Text)));

        var (v2, _, _) = await s.ReportAsync();
        Assert.Equal(all.Count, v2.GetProperty("reportVersion").GetInt32());
        Assert.Equal(all[^1].GetProperty("contentSha256").GetString(), v2.GetProperty("contentSha256").GetString());
        Assert.Equal(0, v2.GetProperty("gaps").GetArrayLength());
        var history = v2.GetProperty("recordHistory").GetProperty("versions")[1];
        Assert.Equal(1, history.GetProperty("lateData")[0].GetProperty("reopenedVersion").GetInt32());
        // The PDF's data-integrity section lists the late data of each version and the version it reopened.
        using (var document = PdfDocument.Open(await s.ReportBytesAsync("pdf", all.Count)))
        {
            // Table cells wrap: compare without whitespace.
            var text = string.Concat(string.Join("", document.GetPages().Select(p => p.Text)).Where(ch => !char.IsWhiteSpace(ch)));
            Assert.Contains("reopenedversion1", text);
            Assert.Contains(s.Device, text);
            Assert.Contains("late-data", text);
        }
        Assert.Equal([("H1", Iso(At(4))), ("H2", Iso(At(4, 5))), ("L1", Iso(At(6, 10)))],
            v2.GetProperty("alarms").EnumerateArray().Select(a => (a.GetProperty("zoneId").GetString(), a.GetProperty("triggeredAt").GetString())).Order());

        // Live, the same: the moved alarms withdrawn, the new ones raised — all in MAEU's custody.
        var withdrawn = await s.WaitTimelineAsync("EXCURSION_ALARM_WITHDRAWN", w => w.Count >= 2, "the two moved alarms withdrawn");
        Assert.Equal([Iso(At(3, 30)), Iso(At(4))], withdrawn.Select(w => w.GetProperty("at").GetString()).Order());
        alarms = await s.WaitTimelineAsync("EXCURSION_ALARM", a => a.Count >= 5, "the three alarms the late batch raised");
        Assert.Equal([Iso(At(3, 30)), Iso(At(4)), Iso(At(4)), Iso(At(4, 5)), Iso(At(6, 10))], alarms.Select(a => a.GetProperty("at").GetString()).Order());
        Assert.All(alarms, a => Assert.Equal("MAEU", a.GetProperty("carrier").GetString()));

        // What a shipper may be told went out on RabbitMQ: the excursion, the alarms, both versions.
        var published = await notifications.WaitAsync(s.Id, m => m.Count(x => x.Type == "AlarmRaised") >= 5 && m.Count(x => x.Type == "ReportVersionCreated") >= all.Count
                                                                    && m.Any(x => x.Type == "ExcursionStarted"));
        var l1 = published.Single(m => m.Type == "AlarmRaised" && m.Body.GetProperty("zoneId").GetString() == "L1");
        Assert.Equal(("ocean", "MAEU"), (l1.Body.GetProperty("legId").GetString(), l1.Body.GetProperty("custodian").GetString()));
        Assert.Equal(published.Count, published.Select(m => m.Body.GetProperty("notificationId").GetString()).Distinct().Count());
        output.WriteLine($"notifications: {string.Join(", ", published.GroupBy(m => m.Type).Select(g => $"{g.Key}={g.Count()}"))}");
    }

    [Fact]
    public async Task ending_a_device_window_inside_the_covered_time_makes_the_next_version_from_fewer_readings()
    {
        var t0 = new DateTimeOffset(2026, 7, 10, 0, 0, 0, TimeSpan.Zero);
        var s = await ShipmentDriver.RegisterAsync(host, host.Tenant, t0);
        // 0:00–3:00 every 10 min; 12 °C from 2:00: H1 (30 min) alarms at 2:30 — inside the window until it is cut at 1:30.
        await s.PostReadingsAsync(Enumerable.Range(0, 19).Select(i => (t0.AddMinutes(i * 10), i >= 12 ? 12.0 : 5.0)));
        var (v1, v1Text, _) = await s.ReportAsync();
        Assert.Equal(1, v1.GetProperty("reportVersion").GetInt32());
        Assert.Equal("alarm", v1.GetProperty("verdict").GetString());

        await host.Tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{s.Id}/devices/{s.Device}/end", new { at = Iso(t0.AddMinutes(90)) }, HttpStatusCode.OK);
        var versions = await s.WaitVersionsAsync(2);
        Assert.Equal(["superseded", "draft"], versions.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
        Assert.Equal("window-change", versions[1].GetProperty("trigger").GetString());
        Assert.Equal(0, versions[1].GetProperty("lateData").GetArrayLength());

        var (v2, _, _) = await s.ReportAsync();
        Assert.Equal(2, v2.GetProperty("reportVersion").GetInt32());
        Assert.NotEqual(v1.GetProperty("contentSha256").GetString(), v2.GetProperty("contentSha256").GetString());
        Assert.Equal("pass", v2.GetProperty("verdict").GetString());
        Assert.Equal(0, v2.GetProperty("alarms").GetArrayLength());
        Assert.Equal(9, v2.GetProperty("loggers")[0].GetProperty("readingCount").GetInt32()); // 0:00–1:20: a window ends before its end time
        // Version 1 is unchanged: the same content as made, status superseded.
        var (again, againText, _) = await s.ReportAsync(version: 1);
        Assert.Equal("superseded", again.GetProperty("status").GetString());
        Assert.Equal(Without(v1Text, "status"), Without(againText, "status"));
    }

    static string Without(string json, string field)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(field);
        return node.ToJsonString();
    }
}

/// <summary>A queue bound to the notification exchanges MassTransit publishes to, read with RabbitMQ.Client.</summary>
sealed class NotificationProbe : IAsyncDisposable
{
    static readonly string[] Types = ["ExcursionStarted", "AlarmRaised", "ReportVersionCreated"];
    readonly IConnection _connection;
    readonly IChannel _channel;
    readonly string _queue;
    readonly List<(string Type, JsonElement Body)> _seen = [];

    NotificationProbe(IConnection connection, IChannel channel, string queue) => (_connection, _channel, _queue) = (connection, channel, queue);

    public static async Task<NotificationProbe> StartAsync(HostFixture host)
    {
        var uri = new Uri(host.Settings.RabbitMq);
        var factory = new ConnectionFactory { HostName = uri.Host, Port = uri.Port, UserName = "guest", Password = "guest" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in Types)
        {
            // MassTransit's publish topology: one durable fanout exchange per message type, named namespace:type.
            var exchange = $"Logistics.Contracts.Notifications:{type}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        return new NotificationProbe(connection, channel, queue);
    }

    public async Task<List<(string Type, JsonElement Body)>> WaitAsync(string shipmentId, Func<List<(string Type, JsonElement Body)>, bool> done)
    {
        List<(string, JsonElement)> mine = [];
        await HostFixture.WaitUntilAsync(async () =>
        {
            while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
            {
                var envelope = JsonDocument.Parse(delivery.Body.ToArray()).RootElement;
                var type = envelope.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()!).First(t => Types.Any(t.EndsWith));
                _seen.Add((Types.First(type.EndsWith), envelope.GetProperty("message").Clone()));
            }
            mine = _seen.Where(m => m.Body.GetProperty("shipmentId").GetString() == shipmentId).ToList();
            return done(mine);
        }, TimeSpan.FromSeconds(60), $"notifications of {shipmentId}");
        return mine;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
