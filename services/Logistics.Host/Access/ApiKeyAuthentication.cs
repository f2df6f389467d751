using System.Text.Encodings.Web;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Logistics.Host.Access;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c>. No header: no result (the route's policy then answers 401). An unknown or
/// revoked key: failed (401). Both 401 and 403 are problem+json; neither says whether a resource exists.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyCache keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("not a bearer credential");
        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0) return AuthenticateResult.Fail("empty bearer credential");
        var found = await keys.FindAsync(key, Context.RequestAborted);
        return found is null
            ? AuthenticateResult.Fail("unknown or revoked key")
            : AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(found), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Problems.Unauthorized(failure is null ? "an API key is required" : $"the API key was refused: {failure}")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "?";
        var allowed = Context.GetEndpoint()?.Metadata.GetMetadata<AllowedRoles>();
        var detail = allowed is null ? $"role '{role}' may not call this route"
            : $"role '{role}' may not call this route; it needs one of: {string.Join(", ", allowed.WithAdmin.Select(r => Logistics.Access.Roles.Name(r)))}";
        return Problems.Forbidden(detail).ExecuteAsync(Context);
    }
}
