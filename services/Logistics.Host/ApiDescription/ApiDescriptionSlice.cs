using System.Text.Json.Nodes;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Logistics.Host.ApiDescription;

/// <summary>
/// The OpenAPI document at <c>GET /openapi/v1.json</c> (anonymous), made by ASP.NET's own generator from the mapped routes.
/// Transformers add what the generator cannot know: the bearer-key scheme, each route's roles (<see cref="AllowedRoles"/>,
/// also as <c>x-roles</c>) and its problem+json responses (401/403 when it needs a key, 404 when it names a resource,
/// 400 when it takes input).
/// </summary>
public static class ApiDescriptionSlice
{
    public const string Bearer = "bearer";
    const string ProblemSchema = "Problem";

    public static IServiceCollection AddApiDescription(this IServiceCollection services, HostSettings settings)
    {
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Logistics cold-chain visibility middleware",
                    Version = "v1",
                    Description = "Intake of carrier and sensor messages, shipments with tenants and roles, readings, locations, GxP reports. "
                                  + "Every route but /health and /openapi/v1.json needs `Authorization: Bearer <api key>`; another tenant's resource is 404.",
                    License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
                };
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key issued by `./logistics tenants create` or `POST /api-keys`, shown once, stored as a SHA-256 hash.",
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas[ProblemSchema] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "RFC 9457 problem details; `where` names the field, parameter or header at fault.",
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                        ["where"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                };
                document.Tags = document.Tags?.Select(t => new OpenApiTag { Name = t.Name, Description = $"{t.Name} routes." }).ToHashSet() ?? [];
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<AnonymousAccess>().Any();
                var roles = metadata.OfType<AllowedRoles>().LastOrDefault();
                operation.Responses ??= new OpenApiResponses();
                if (anonymous)
                {
                    operation.Security = [];
                    operation.Description = Append(operation.Description, "Anonymous: no key needed.");
                }
                else
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                    var names = (roles?.WithAdmin ?? []).Select(r => Logistics.Access.Roles.Name(r)).ToArray();
                    operation.Description = Append(operation.Description, $"Roles: {string.Join(", ", names)} (admin includes every role).");
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()));
                    Problem(operation, context.Document!, "401", "No key, or an unknown or revoked one.");
                    Problem(operation, context.Document!, "403", "The key's role may not call this route.");
                }
                var parameters = context.Description.ParameterDescriptions;
                if (parameters.Any(p => p.Source.Id == "Path"))
                    Problem(operation, context.Document!, "404", "Not found, or another tenant's (never revealed).");
                if (parameters.Any(p => p.Source.Id is "Query" or "Body") || metadata.OfType<IAcceptsMetadata>().Any())
                    Problem(operation, context.Document!, "400", "Bad input: `where` names the field or parameter.");
                if (operation.Responses.Count == 0 || !operation.Responses.Keys.Any(k => k.StartsWith('2')))
                    operation.Responses["200"] = new OpenApiResponse { Description = "OK" };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymousAccess();
        return app;
    }

    static void Problem(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        if (operation.Responses!.TryGetValue(status, out var existing) && existing.Content?.ContainsKey("application/problem+json") == true) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }

    static string Append(string? text, string sentence) => string.IsNullOrEmpty(text) ? sentence : $"{text} {sentence}";
}
