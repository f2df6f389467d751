using System.Text.Json;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Logistics.Gxp;
using Logistics.Gxp.Profiles;
using Logistics.Host.Translation;
using NodaTime;

namespace Logistics.Host.Shipments;

/// <summary>A request body that cannot be used: what is wrong, and where (a JSON path of the body).</summary>
public sealed class RequestException(string where, string title, string? expected = null) : Exception(title)
{
    public string Where { get; } = where;
    public string? Expected { get; } = expected;
}

/// <summary>A registration as validated from <c>POST /shipments</c> (API.md).</summary>
public sealed record Registration(string Reference, IReadOnlyList<ShipmentRef> Refs, Product? Product, ProfileSpec Profile, string? Consignee,
    IReadOnlyList<LegSpec> Legs, Instant? From, Instant? To);

public sealed record DeviceRequest(string Device, Instant? From, Instant? To, string Position);

/// <summary>Strict readers of the shipment request bodies: unknown schemes, bad instants and bad profiles are errors naming where.</summary>
public static class ShipmentRequests
{
    public static Registration Registration(JsonElement body)
    {
        Object(body, "$");
        var reference = RequiredString(body, "reference");
        var refs = new List<ShipmentRef>();
        if (body.TryGetProperty("refs", out var refsElement) && refsElement.ValueKind != JsonValueKind.Null)
        {
            if (refsElement.ValueKind != JsonValueKind.Array) throw new RequestException("refs", "refs must be an array", "[{\"scheme\", \"value\"}]");
            var i = 0;
            foreach (var r in refsElement.EnumerateArray())
            {
                var path = $"refs[{i++}]";
                Object(r, path);
                var scheme = RequiredString(r, "scheme", path);
                if (!RefSchemes.All.Contains(scheme))
                    throw new RequestException($"{path}.scheme", $"unknown reference scheme '{scheme}'", string.Join(", ", RefSchemes.All.Order(StringComparer.Ordinal)));
                refs.Add(Normalise(scheme, RequiredString(r, "value", path)));
            }
        }
        var profile = Profile(body);
        Product? product = null;
        if (body.TryGetProperty("product", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            Object(p, "product");
            product = new Product(OptionalString(p, "name", "product"), OptionalString(p, "lot", "product"));
        }
        var legs = new List<LegSpec>();
        if (body.TryGetProperty("legs", out var legsElement) && legsElement.ValueKind != JsonValueKind.Null)
        {
            if (legsElement.ValueKind != JsonValueKind.Array) throw new RequestException("legs", "legs must be an array", "[{\"id\", \"custodian\", \"mode\"}]");
            var i = 0;
            foreach (var l in legsElement.EnumerateArray())
            {
                var path = $"legs[{i++}]";
                Object(l, path);
                legs.Add(new LegSpec(RequiredString(l, "id", path), OptionalString(l, "custodian", path), OptionalString(l, "mode", path)));
            }
            if (legs.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count() != legs.Count) throw new RequestException("legs", "duplicate leg id");
        }
        var from = OptionalInstant(body, "from");
        var to = OptionalInstant(body, "to");
        if (from is not null && to is not null && to <= from) throw new RequestException("to", "'to' must be after 'from'");
        return new Registration(reference, refs.Distinct().ToList(), product, profile, OptionalString(body, "consignee"), legs, from, to);
    }

    public static DeviceRequest Device(JsonElement body)
    {
        Object(body, "$");
        var device = RequiredString(body, "device");
        var colon = device.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == device.Length - 1) throw new RequestException("device", $"device '{device}' is not scheme:value", "e.g. devEui:70B3D57ED0000001");
        var reference = Reference.Parse(device);
        if (!RefSchemes.All.Contains(reference.Scheme))
            throw new RequestException("device", $"unknown reference scheme '{reference.Scheme}'", string.Join(", ", RefSchemes.Device.Order(StringComparer.Ordinal)));
        var from = OptionalInstant(body, "from");
        var to = OptionalInstant(body, "to");
        if (from is not null && to is not null && to <= from) throw new RequestException("to", "'to' must be after 'from'");
        var position = OptionalString(body, "position") ?? "product";
        if (position is not ("product" or "ambient")) throw new RequestException("position", $"unknown position '{position}'", "product or ambient");
        return new DeviceRequest(NormaliseDevice(device), from, to, position);
    }

    public static Instant? EndAt(JsonElement? body)
    {
        if (body is not { } b || b.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return null;
        Object(b, "$");
        return OptionalInstant(b, "at");
    }

    public static string TenantId(JsonElement body)
    {
        Object(body, "$");
        return RequiredString(body, "tenantId");
    }

    /// <summary>Device references as adapters write them (DevEUI upper-case), so windows match the readings table.</summary>
    public static string NormaliseDevice(string device) => StreamRouting.Normalise(Reference.Parse(device)).ToString();

    static ShipmentRef Normalise(string scheme, string value) => scheme switch
    {
        RefSchemes.DevEui or RefSchemes.Container or RefSchemes.Uld => new ShipmentRef(scheme, value.ToUpperInvariant()),
        _ => new ShipmentRef(scheme, value),
    };

    static ProfileSpec Profile(JsonElement body)
    {
        if (!body.TryGetProperty("profile", out var p) || p.ValueKind == JsonValueKind.Null)
            throw new RequestException("profile", "missing profile", $"a ready-made profile id ({string.Join(", ", StandardProfiles.Ids)}) or a profile object");
        if (p.ValueKind == JsonValueKind.String)
        {
            var id = p.GetString()!;
            if (id.StartsWith("builtin:", StringComparison.Ordinal)) id = id["builtin:".Length..];
            if (!StandardProfiles.Ids.Contains(id, StringComparer.Ordinal))
                throw new RequestException("profile", $"unknown ready-made profile '{id}'", string.Join(", ", StandardProfiles.Ids) + " or a profile object");
            return new ProfileSpec(id, null);
        }
        if (p.ValueKind != JsonValueKind.Object) throw new RequestException("profile", "profile must be an id or an object");
        if (ProfileParser.Read(p).Error is { } error) throw new RequestException($"profile {error.Location}".TrimEnd(), "invalid profile", error.Message);
        return new ProfileSpec(null, p.GetRawText());
    }

    static void Object(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new RequestException(path, $"{path} must be a JSON object");
    }

    static string RequiredString(JsonElement e, string name, string? path = null) =>
        OptionalString(e, name, path) is { Length: > 0 } s ? s : throw new RequestException(Join(path, name), $"missing {name}", "a non-empty string");

    static string? OptionalString(JsonElement e, string name, string? path = null)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new RequestException(Join(path, name), $"{name} must be a string");
        var s = v.GetString()!.Trim();
        return s.Length > 500 ? throw new RequestException(Join(path, name), $"{name} is longer than 500 characters") : s;
    }

    static Instant? OptionalInstant(JsonElement e, string name)
    {
        if (OptionalString(e, name) is not { } text) return null;
        return InstantText.TryParse(text, out var instant) ? instant
            : throw new RequestException(name, $"'{name}' is not an ISO-8601 instant: '{text}'", "e.g. 2026-01-01T00:00:00Z");
    }

    static string Join(string? path, string name) => path is null ? name : $"{path}.{name}";
}
