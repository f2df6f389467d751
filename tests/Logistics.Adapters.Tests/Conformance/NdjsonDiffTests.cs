using System.Text.Json;
using Logistics.Adapters.Conformance;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>The explanations the kit gives for differing output.</summary>
public sealed class NdjsonDiffTests
{
    const string Line = """{"eventId":"a","kind":"milestone","occurredAt":"2025-01-01T00:00:00Z","refs":[{"scheme":"bol","value":"X"}],"position":{"lat":1.5}}""";

    [Fact]
    public void identical_output_has_no_difference() => Assert.Empty(NdjsonDiff.Explain(Line + "\n", [Line]));

    [Fact]
    public void nested_field_difference_names_its_path()
    {
        var actual = Line.Replace("\"X\"", "\"Y\"", StringComparison.Ordinal);
        Assert.Equal("event 1 (milestone 2025-01-01T00:00:00Z): $.refs[0].value: expected \"X\", got \"Y\"", Assert.Single(NdjsonDiff.Explain(Line, [actual])));
    }

    [Fact]
    public void missing_and_unexpected_fields_are_told_apart()
    {
        var diffs = JsonDiff.Differences(Parse("""{"a":1,"b":2}"""), Parse("""{"a":1,"c":2}"""));
        Assert.Equal(["$.b: expected 2, got no such field", "$.c: not expected, got 2"], diffs);
    }

    [Fact]
    public void numbers_compare_by_value_and_text_differences_are_explained()
    {
        Assert.Empty(JsonDiff.Differences(Parse("""{"lat":1.50}"""), Parse("""{"lat":1.5}""")));
        var diff = Assert.Single(NdjsonDiff.Explain(Line.Replace("1.5", "1.50", StringComparison.Ordinal), [Line]));
        Assert.Contains("same JSON, different text", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void an_expected_line_that_is_not_json_is_reported() =>
        Assert.StartsWith("event 1: expected line 1 is not JSON", Assert.Single(NdjsonDiff.Explain("{oops\n", [Line])), StringComparison.Ordinal);

    [Fact]
    public void windows_line_endings_and_blank_lines_in_the_expected_file_are_ignored() =>
        Assert.Empty(NdjsonDiff.Explain($"{Line}\r\n\r\n{Line}\r\n", [Line, Line]));

    static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
