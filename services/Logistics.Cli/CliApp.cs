using System.CommandLine;
using NodaTime;

namespace Logistics.Cli;

/// <summary>What a command writes to and reads the time from; injected so tests run the CLI in-process.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, IClock Clock);

/// <summary>One `./logistics` command. Found by convention: a new command is a new file in Commands/.</summary>
public interface ICliCommand
{
    Command Build(CliIo io);
}

/// <summary>A bad invocation or unreadable input: exit 2 with one line naming what and where.</summary>
public sealed class CliUsageException(string message) : Exception(message);

public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliIo(stdout, stderr, SystemClock.Instance));

    public static int Run(string[] args, CliIo io)
    {
        var root = new RootCommand("Cold-chain visibility middleware: translate carrier and sensor payloads, assess temperature records.");
        foreach (var command in typeof(CliApp).Assembly.GetTypes()
                     .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                     .OrderBy(t => t.Name, StringComparer.Ordinal))
            root.Subcommands.Add(((ICliCommand)Activator.CreateInstance(command)!).Build(io));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, never the help screen: scripts read stderr.
            io.Error.WriteLine($"logistics: {parsed.Errors[0].Message}");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException ex)
        {
            io.Error.WriteLine(ex.Message);
            return BadInput;
        }
    }
}
