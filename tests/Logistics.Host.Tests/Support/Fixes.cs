using Logistics.Access;

namespace Logistics.Host.Tests.Support;

/// <summary>Position fixes posted through intake as TTS v3 uplinks with a Cayenne LPP GPS value (1e-4° resolution).</summary>
public static class Fixes
{
    public sealed record Fix(string DevEui, DateTimeOffset At, double Lat, double Lon)
    {
        /// <summary>The coordinates as the codec will decode them.</summary>
        public double StoredLat => Math.Round(Lat * 10000) / 10000.0;
        public double StoredLon => Math.Round(Lon * 10000) / 10000.0;
    }

    /// <summary>Posts every fix (one uplink each, in the given order) and waits until all are translated.</summary>
    public static async Task PostAsync(HostFixture host, TestTenant tenant, IEnumerable<Fix> fixes, int parallel = 8)
    {
        var integrator = tenant.Clients[Role.Integrator];
        var ids = new List<Guid>();
        var fCnt = 0;
        foreach (var chunk in fixes.Chunk(parallel))
            ids.AddRange(await Task.WhenAll(chunk.Select(f => HostFixture.PostAsync(integrator, "tts-v3",
                Uplinks.CayenneTemperature(f.DevEui, f.At, 5.0, (f.Lat, f.Lon), fCnt: Interlocked.Increment(ref fCnt)), codec: "cayenne-lpp"))));
        foreach (var id in ids)
        {
            var status = (await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(60), tenant.Clients[Role.Admin])).GetProperty("status").GetString();
            Assert.Equal("translated", status);
        }
    }

    /// <summary>Posts fixes strictly one after the other (each translated before the next is sent).</summary>
    public static async Task PostInOrderAsync(HostFixture host, TestTenant tenant, IEnumerable<Fix> fixes)
    {
        foreach (var f in fixes) await PostAsync(host, tenant, [f], 1);
    }
}
