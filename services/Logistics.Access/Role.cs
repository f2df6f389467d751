namespace Logistics.Access;

/// <summary>
/// What a key may do (API.md): viewer reads; shipper registers and edits shipments, devices, geofences, webhooks;
/// qa reads and signs reports; integrator posts to intake; admin is all of these plus keys.
/// </summary>
public enum Role
{
    Viewer,
    Shipper,
    Qa,
    Integrator,
    Admin,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The wire name: <c>viewer|shipper|qa|integrator|admin</c>.</summary>
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var r in All)
            if (string.Equals(r.Name(), text, StringComparison.Ordinal))
            {
                role = r;
                return true;
            }
        role = default;
        return false;
    }

    /// <summary>Admin includes every other role; any other role is only itself.</summary>
    public static bool Grants(this Role held, Role wanted) => held == Role.Admin || held == wanted;
}
