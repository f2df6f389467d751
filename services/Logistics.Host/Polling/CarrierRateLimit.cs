using System.Globalization;

namespace Logistics.Host.Polling;

/// <summary>
/// The rate budget a carrier states on its responses: the IETF <c>RateLimit-Remaining</c>/<c>RateLimit-Limit</c> fields, or the
/// common <c>X-RateLimit-Remaining</c>/<c>X-RateLimit-Limit</c> (DHL, FedEx and most API gateways send these).
/// </summary>
public static class CarrierRateLimit
{
    public static (long Remaining, long Limit)? Of(HttpResponseMessage response)
    {
        foreach (var prefix in (string[])["RateLimit-", "X-RateLimit-"])
            if (First(response, prefix + "Remaining") is { } remaining && First(response, prefix + "Limit") is { } limit)
                return (remaining, limit);
        return null;
    }

    /// <summary>The header's first number (<c>RateLimit-Limit: 100, 100;w=60</c> gives 100).</summary>
    static long? First(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues(name, out var values)) return null;
        var text = values.FirstOrDefault()?.Split(',', ';')[0].Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
