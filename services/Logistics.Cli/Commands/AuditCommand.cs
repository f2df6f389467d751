using System.CommandLine;
using Logistics.Access.Audit;
using Npgsql;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>audit verify [--tenant ID]</c>: checks the hash-chained audit trail in the host's database (same settings as the host,
/// <see cref="CliDatabase"/>, including its audit key). Intact: exit 0 and <c>N entries, chain intact</c>. A break (an edited
/// byte, a deleted, reordered or forged entry, a truncated tail): exit 1 and one line naming the first broken entry. No key
/// or a bad setting: exit 2; the database unreachable: exit 1.
/// </summary>
public sealed class AuditCommand : ICliCommand
{
    public Command Build(CliIo io)
    {
        var tenant = new Option<string?>("--tenant") { Description = "check only this tenant's chain (default: every chain)" };
        var verify = new Command("verify", "Check every audit chain: order, links, hashes, signatures and signed heads.") { tenant };
        verify.SetAction(parse => Verify(io, parse.GetValue(tenant)));
        return new Command("audit", "The hash-chained audit trail of the host's database (verify).") { verify };
    }

    static int Verify(CliIo io, string? tenant)
    {
        var (connection, schema) = CliDatabase.Settings("audit verify");
        var key = CliDatabase.AuditKey("audit verify", create: false)
                  ?? throw new CliUsageException("audit verify: no audit key: set LOGISTICS_AUDIT_KEY or LOGISTICS_AUDIT_KEY_FILE to the host's (default .data/audit.key)");
        try
        {
            using var db = CliDatabase.Open(connection);
            var result = AuditVerifier.VerifyAsync(db, schema, key, tenant, CancellationToken.None).GetAwaiter().GetResult();
            if (!result.Intact)
            {
                io.Error.WriteLine(result.FirstBreak);
                return CliApp.Failed;
            }
            io.Out.WriteLine($"{result.Entries} entries, chain intact");
            return CliApp.Ok;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            io.Error.WriteLine($"audit verify: database {CliDatabase.Describe(connection)} schema {schema}: {CliDatabase.FirstLine(ex.Message)}");
            return CliApp.Failed;
        }
    }
}
