using Logistics.Canonical.Events;

namespace Logistics.Adapters.X12_214;

/// <summary>References from B10, L11 (by qualifier, element 128) and MS2 (equipment), ordered pro first.</summary>
static class X12Refs
{
    public static void Add(List<Reference> refs, string scheme, string value)
    {
        if (value.Length == 0) return;
        var r = new Reference(scheme, value);
        if (!refs.Contains(r)) refs.Add(r);
    }

    /// <summary>L11: identifiers we track by; purchase orders, seals and other customer keys are skipped.</summary>
    public static void AddQualified(List<Reference> refs, string qualifier, string value)
    {
        var scheme = qualifier switch
        {
            "BM" or "MB" or "OB" => RefSchemes.Bol,
            "CN" => RefSchemes.Pro,
            "BN" => RefSchemes.Booking,
            "EQ" => RefSchemes.Container,
            "SI" => RefSchemes.Shipment,
            "2I" => RefSchemes.Tracking,
            "AW" => RefSchemes.Awb,
            _ => null,
        };
        if (scheme is not null) Add(refs, scheme, value);
    }

    /// <summary>MS2: owner SCAC + equipment number (+ check digit MS204 when given separately), e.g. MAEU 123456 5 → MAEU1234565.</summary>
    public static void AddEquipment(List<Reference> refs, X12Segment ms2)
    {
        var number = ms2[2];
        if (number.Length == 0) return;
        var id = number.StartsWith(ms2[1], StringComparison.Ordinal) ? number : ms2[1] + number;
        if (ms2[4].Length == 1 && char.IsAsciiDigit(ms2[4][0]) && id.Length == 10) id += ms2[4];
        Add(refs, RefSchemes.Container, id);
    }

    /// <summary>Header references then the LX loop's, pro first so the natural key uses the carrier's own number.</summary>
    public static List<Reference> Merge(List<Reference> header, List<Reference> detail)
    {
        var refs = new List<Reference>(header.Count + detail.Count);
        foreach (var r in header) Add(refs, r.Scheme, r.Value);
        foreach (var r in detail) Add(refs, r.Scheme, r.Value);
        refs.Sort((a, b) => Rank(a.Scheme).CompareTo(Rank(b.Scheme)));
        return refs;
    }

    static int Rank(string scheme) => scheme switch
    {
        RefSchemes.Pro => 0,
        RefSchemes.Shipment => 1,
        RefSchemes.Bol => 2,
        RefSchemes.Booking => 3,
        RefSchemes.Container => 4,
        _ => 5,
    };
}
