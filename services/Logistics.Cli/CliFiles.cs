namespace Logistics.Cli;

/// <summary>File reads that fail as one clear line (exit 2), never a stack trace.</summary>
public static class CliFiles
{
    public static byte[] ReadAllBytes(string path, string command)
    {
        try { return File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{command}: cannot read '{path}': {ex.Message}");
        }
    }

    public static string ReadAllText(string path, string command)
    {
        try { return File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{command}: cannot read '{path}': {ex.Message}");
        }
    }
}
