using System.Security.Claims;
using Logistics.Access;

namespace Logistics.Host.Access;

/// <summary>Who is calling: the key's tenant, role, key id and user, as the authentication handler put them on the principal.</summary>
public sealed record Caller(string TenantId, Role Role, string KeyId, string? User)
{
    public const string TenantClaim = "logistics:tenant";
    public const string KeyClaim = "logistics:key";
    public const string UserClaim = "logistics:user";

    public static ClaimsPrincipal Principal(ApiKeyInfo key) =>
        new(new ClaimsIdentity(
            new[]
            {
                new Claim(TenantClaim, key.TenantId),
                new Claim(ClaimTypes.Role, key.Role.Name()),
                new Claim(KeyClaim, key.Id),
            }.Concat(key.User is null ? [] : [new Claim(UserClaim, key.User)]),
            ApiKeyAuthentication.SchemeName));

    /// <summary>The caller of an authenticated request; throws for an anonymous one (every tenant route requires a key).</summary>
    public static Caller Of(ClaimsPrincipal user) =>
        user.FindFirstValue(TenantClaim) is { } tenant && Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? new Caller(tenant, role, user.FindFirstValue(KeyClaim)!, user.FindFirstValue(UserClaim))
            : throw new InvalidOperationException("no authenticated caller: this route must require a key");

    public static Caller Of(HttpContext http) => Of(http.User);
}
