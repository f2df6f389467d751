using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Ups;

/// <summary>A package's references: its tracking number, the shipment's inquiry number when different, alternate numbers.</summary>
static class UpsRefs
{
    public static List<Reference> Of(JObject package, string? inquiry, JsonInput json)
    {
        var refs = new List<Reference>(2);
        Add(refs, json.Text(package, "trackingNumber"));
        Add(refs, inquiry);
        foreach (var alternate in json.Objects(package, "alternateTrackingNumber")) Add(refs, json.Text(alternate, "number"));
        return refs;
    }

    static void Add(List<Reference> refs, string? number)
    {
        if (number is null) return;
        var r = new Reference(RefSchemes.Tracking, number);
        if (!refs.Contains(r)) refs.Add(r);
    }
}
