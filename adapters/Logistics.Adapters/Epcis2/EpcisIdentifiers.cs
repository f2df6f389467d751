using Logistics.Canonical.Events;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// EPCIS identifiers (EPC URNs, GS1 Digital Link URIs) ↔ canonical references, as a bijection so an export reads back
/// to the same references: SSCC ↔ https://id.gs1.org/00/…, container ↔ urn:epc:id:bic:… (TDS 2.0),
/// any other EPC ↔ scheme <c>epc</c> with the URI as value, our other schemes ↔ urn:logistics:ref:SCHEME:VALUE.
/// </summary>
public static class EpcisIdentifiers
{
    /// <summary>A GS1 identifier with no canonical scheme of its own (SGTIN, GRAI, GIAI, …): the URI is the value.</summary>
    public const string EpcScheme = "epc";

    const string SsccUrn = "urn:epc:id:sscc:";
    const string BicUrn = "urn:epc:id:bic:";
    const string DigitalLinkSscc = "https://id.gs1.org/00/";
    const string RefUrn = "urn:logistics:ref:";
    const string UnlocodeUrn = "urn:logistics:unlocode:";

    /// <summary>An identifier as EPCIS writes it → a canonical reference.</summary>
    public static Reference ToReference(string uri)
    {
        if (uri.StartsWith(SsccUrn, StringComparison.Ordinal) && TrySsccFromUrn(uri.AsSpan(SsccUrn.Length), out var sscc))
            return new Reference(RefSchemes.Sscc, sscc);
        if (TrySsccFromDigitalLink(uri, out sscc))
            return new Reference(RefSchemes.Sscc, sscc);
        if (uri.StartsWith(BicUrn, StringComparison.Ordinal) && uri.Length > BicUrn.Length)
            return new Reference(RefSchemes.Container, uri[BicUrn.Length..]);
        if (uri.StartsWith(RefUrn, StringComparison.Ordinal))
        {
            var colon = uri.IndexOf(':', RefUrn.Length);
            if (colon > RefUrn.Length && colon < uri.Length - 1)
                return new Reference(uri[RefUrn.Length..colon], Uri.UnescapeDataString(uri[(colon + 1)..]));
        }
        return new Reference(EpcScheme, uri);
    }

    /// <summary>A canonical reference → the URI the export writes (the inverse of <see cref="ToReference"/>).</summary>
    public static string ToUri(Reference r) => r.Scheme switch
    {
        RefSchemes.Sscc when IsDigits(r.Value, 18) => DigitalLinkSscc + r.Value,
        RefSchemes.Container when IsBic(r.Value) => BicUrn + r.Value,
        EpcScheme when Uri.IsWellFormedUriString(r.Value, UriKind.Absolute) => r.Value,
        _ => RefUrn + r.Scheme + ":" + Uri.EscapeDataString(r.Value),
    };

    const string SglnUrn = "urn:epc:id:sgln:";

    /// <summary>
    /// The <c>location</c> reference of a readPoint/bizLocation id, for a sensor report about a place: an SGLN
    /// (<c>urn:epc:id:sgln:CP.LR.EXT</c>, check digit computed) or a Digital Link <c>…/414/{GLN}[/254/{EXT}]</c> → the 13-digit GLN
    /// (with <c>.EXT</c> unless the extension is <c>0</c>, which means none); any other id as written.
    /// </summary>
    public static Reference LocationReference(string placeId)
    {
        if (placeId.StartsWith(SglnUrn, StringComparison.Ordinal))
        {
            var parts = placeId[SglnUrn.Length..].Split('.');
            if (parts.Length == 3 && parts[0].Length + parts[1].Length == 12 && IsDigits(parts[0]) && (parts[1].Length == 0 || IsDigits(parts[1])))
                return new Reference(RefSchemes.Location, Gln(parts[0] + parts[1], parts[2]));
        }
        var at = placeId.IndexOf("/414/", StringComparison.Ordinal);
        if (placeId.StartsWith("http", StringComparison.OrdinalIgnoreCase) && at > 0 && placeId.Length >= at + 5 + 13 && IsDigits(placeId.AsSpan(at + 5, 13)))
        {
            var rest = placeId[(at + 5 + 13)..];
            var extension = rest.StartsWith("/254/", StringComparison.Ordinal) ? rest[5..].Split('/', '?', '#')[0] : "0";
            // The 13 digits as written (like an SSCC's): a wrong check digit is the source's id, not ours to correct.
            var gln = placeId.Substring(at + 5, 13);
            return new Reference(RefSchemes.Location, extension is "" or "0" ? gln : gln + "." + extension);
        }
        return new Reference(RefSchemes.Location, placeId);
    }

    static string Gln(string twelveDigits, string extension)
    {
        var gln = twelveDigits + CheckDigit(twelveDigits);
        return extension is "" or "0" ? gln : gln + "." + extension;
    }

    /// <summary>UN/LOCODEs have no GS1 URI form; readPoint/bizLocation carry them in our URN.</summary>
    public static string UnlocodeUri(string unlocode) => UnlocodeUrn + unlocode;

    public static bool TryUnlocode(string uri, out string unlocode)
    {
        unlocode = uri.StartsWith(UnlocodeUrn, StringComparison.Ordinal) ? uri[UnlocodeUrn.Length..] : "";
        return unlocode.Length > 0;
    }

    /// <summary>urn:epc:id:sscc:CompanyPrefix.SerialReference → the 18-digit SSCC (extension digit first, check digit last).</summary>
    static bool TrySsccFromUrn(ReadOnlySpan<char> body, out string sscc)
    {
        sscc = "";
        var dot = body.IndexOf('.');
        if (dot <= 0) return false;
        var prefix = body[..dot];
        var serial = body[(dot + 1)..];
        if (prefix.Length + serial.Length != 17 || serial.Length == 0 || !IsDigits(prefix) || !IsDigits(serial)) return false;
        Span<char> digits = stackalloc char[18];
        digits[0] = serial[0];
        prefix.CopyTo(digits[1..]);
        serial[1..].CopyTo(digits[(1 + prefix.Length)..]);
        digits[17] = CheckDigit(digits[..17]);
        sscc = new string(digits);
        return true;
    }

    /// <summary>A GS1 Digital Link URI (any resolver host) whose primary key is AI 00 with 18 digits.</summary>
    static bool TrySsccFromDigitalLink(string uri, out string sscc)
    {
        sscc = "";
        if (!uri.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return false;
        var at = uri.IndexOf("/00/", StringComparison.Ordinal);
        if (at < 0 || uri.Length < at + 4 + 18) return false;
        var candidate = uri.AsSpan(at + 4, 18);
        var end = at + 4 + 18;
        if (!IsDigits(candidate) || (end < uri.Length && uri[end] is not ('/' or '?' or '#'))) return false;
        sscc = candidate.ToString();
        return true;
    }

    /// <summary>GS1 mod-10 check digit: weights 3,1,3,… from the rightmost data digit.</summary>
    static char CheckDigit(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
            sum += (data[data.Length - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        return (char)('0' + (10 - sum % 10) % 10);
    }

    static bool IsDigits(ReadOnlySpan<char> s, int length = -1)
    {
        if (s.Length == 0 || (length >= 0 && s.Length != length)) return false;
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }

    static bool IsBic(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }
}
