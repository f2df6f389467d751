using System.Net;
using System.Net.Sockets;
using Logistics.Host.Infrastructure;

namespace Logistics.Host.Webhooks;

/// <summary>
/// Server-side request forgery guard (OWASP API7): a webhook may not be aimed at loopback, private, link-local, CGNAT,
/// multicast, unspecified or other special-use addresses, IPv4 or IPv6 (IPv4-mapped IPv6 included) — checked when the
/// subscription is made, and again at every connect on the address actually dialled, so a name that later resolves to
/// an inner address (DNS rebinding) is refused too. <see cref="WebhookSettings.AllowPrivateTargets"/> lifts it (tests, demo).
/// </summary>
public sealed class TargetGuard(HostSettings settings)
{
    public bool Allows(IPAddress address) => settings.Webhooks.AllowPrivateTargets || !IsSpecial(address);

    public static bool IsSpecial(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return true;
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,        // 100.64/10 CGNAT
                169 => b[1] == 254,                     // link-local, cloud metadata
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,                         // multicast, reserved
                _ => false,
            };
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
               || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)   // 2001:db8::/32 documentation
               || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)   // 64:ff9b::/96 NAT64 (embeds IPv4)
               || address.IsIPv6Teredo;
    }

    /// <summary>Why this URL may not be a target (scheme, or an address it resolves to), or null.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken ct)
    {
        if (url.Scheme is not ("https" or "http")) return "the URL must be http or https";
        if (!string.IsNullOrEmpty(url.UserInfo)) return "the URL must not carry credentials";
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, ct);
        }
        catch (SocketException) { return $"the host {url.Host} does not resolve"; }
        if (addresses.Length == 0) return $"the host {url.Host} does not resolve";
        return addresses.FirstOrDefault(a => !Allows(a)) is { } bad ? $"{url.Host} resolves to {bad}, a loopback, private or special-use address" : null;
    }

    /// <summary>The connect step of the webhook HTTP client: resolve, refuse special addresses, dial only an allowed one.</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct) => ConnectAsync(context.DnsEndPoint, ct);

    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken ct)
    {
        var host = endPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(Allows).ToArray();
        if (allowed.Length == 0 || allowed.Length != addresses.Length)
            throw new HttpRequestException($"refused: {host} resolves to a loopback, private or special-use address (SSRF guard)");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
