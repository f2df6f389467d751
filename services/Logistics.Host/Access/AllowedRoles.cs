using Logistics.Access;
using Microsoft.AspNetCore.Authorization;

namespace Logistics.Host.Access;

/// <summary>
/// The roles an endpoint admits, as endpoint metadata: the authorization policy enforces it, the OpenAPI document prints it,
/// and the tests read it from the route table. Admin is always admitted (admin ⊇ all).
/// </summary>
public sealed record AllowedRoles(IReadOnlyList<Role> Roles)
{
    public bool Admits(Role role) => role == Role.Admin || Roles.Contains(role);

    public IReadOnlyList<Role> WithAdmin => Roles.Contains(Role.Admin) ? Roles : [.. Roles, Role.Admin];
}

/// <summary>Anonymous on purpose (health, the OpenAPI document): the route-table tests check that nothing else is.</summary>
public sealed record AnonymousAccess;

public static class AccessEndpointExtensions
{
    /// <summary>The endpoint needs a key of one of <paramref name="roles"/> (or admin); 401 without a key, 403 with another role.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles) where TBuilder : IEndpointConventionBuilder
    {
        var allowed = new AllowedRoles(roles);
        builder.WithMetadata(allowed);
        return builder.RequireAuthorization(new AuthorizeAttribute
        {
            AuthenticationSchemes = ApiKeyAuthentication.SchemeName,
            Roles = string.Join(',', allowed.WithAdmin.Select(r => r.Name())),
        });
    }

    /// <summary>Any valid key of the tenant, whatever its role (e.g. a user setting their own signing password).</summary>
    public static TBuilder RequireAnyRole<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles([.. Logistics.Access.Roles.All]);

    public static TBuilder AllowAnonymousAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AnonymousAccess());
        return builder.AllowAnonymous();
    }

    /// <summary>Read routes: viewer, shipper and QA read a tenant's shipments, readings and locations.</summary>
    public static readonly Role[] Readers = [Role.Viewer, Role.Shipper, Role.Qa];
}
