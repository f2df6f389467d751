namespace Logistics.Host.Intake;

/// <summary>
/// Credentials never reach the raw inbox in clear (GUARANTEES G12): the headers an integration authenticates with keep
/// their name, so an auditor sees that one was sent, but their value is replaced. Redacted: Authorization,
/// Proxy-Authorization, Cookie, Set-Cookie, and any header whose name says key, token, secret, password or session
/// (TTS's X-Downlink-Apikey, X-Api-Key, X-Auth-Token…). Signature headers are kept: they are per-message proofs, not secrets.
/// </summary>
public static class HeaderRedaction
{
    public const string Redacted = "[redacted]";

    static readonly string[] Exact = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"];
    static readonly string[] Words = ["key", "token", "secret", "password", "passwd", "session", "credential"];

    public static bool IsCredential(string name) =>
        Exact.Contains(name, StringComparer.OrdinalIgnoreCase)
        || Words.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static Dictionary<string, string> Redact(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers) =>
        headers.ToDictionary(h => h.Key, h => IsCredential(h.Key) ? Redacted : h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
