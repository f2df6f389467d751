using Logistics.Adapters.Sdk;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Tests.Sdk;

/// <summary>The path-aware tolerant reader: what it accepts, and how a wrong input is named.</summary>
public sealed class JsonInputTests
{
    static JsonInput Parse(string json) => JsonInput.Parse(System.Text.Encoding.UTF8.GetBytes(json), "a test document");

    [Theory]
    [InlineData("", "at byte 0: expected a test document, found empty input")]
    [InlineData("  \n", "at byte 0: expected a test document, found empty input")]
    [InlineData("GARBAGE", "at byte 0: expected a JSON object or array (a test document), found byte 0x47")]
    [InlineData("{\"a\": [1, 2}", "at $.a (line 1, position 12): expected well-formed JSON, found")]
    [InlineData("{} {}", "at $ (line 1, position 3): expected well-formed JSON, found Additional text encountered after finished reading JSON content")]
    public void an_input_that_is_not_json_is_rejected_with_where_and_what(string json, string message)
    {
        var input = Parse(json);
        Assert.True(input.Failed);
        Assert.StartsWith(message, input.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_byte_order_mark_and_leading_whitespace_are_skipped() =>
        Assert.False(JsonInput.Parse("\uFEFF \n{\"a\":1}"u8.ToArray(), "x").Failed);

    [Fact]
    public void nesting_deeper_than_64_is_rejected_not_a_stack_overflow() =>
        Assert.Contains("expected well-formed JSON", Parse(new string('[', 65) + new string(']', 65)).Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void dates_stay_strings_so_adapters_see_the_offset_as_written()
    {
        var input = Parse("{\"t\": \"2025-03-04T08:15:00+01:00\"}");
        Assert.Equal("2025-03-04T08:15:00+01:00", input.String((JObject)input.Root, "t"));
    }

    [Fact]
    public void text_accepts_strings_trimmed_and_integers_and_treats_blank_as_absent()
    {
        var input = Parse("{\"a\": \"  MAEU \", \"b\": 9321483, \"c\": \"  \", \"d\": null}");
        var o = (JObject)input.Root;
        Assert.Equal(("MAEU", "9321483", (string?)null, (string?)null, (string?)null),
            (input.Text(o, "a"), input.Text(o, "b"), input.Text(o, "c"), input.Text(o, "d"), input.Text(o, "missing")));
        Assert.False(input.Failed);
    }

    [Fact]
    public void number_or_string_accepts_decimal_strings_but_not_words()
    {
        var input = Parse("{\"lat\": \"48.85855\", \"lon\": 2.29, \"bad\": \"north\"}");
        var o = (JObject)input.Root;
        Assert.Equal((48.85855, 2.29), (input.NumberOrString(o, "lat")!.Value, input.NumberOrString(o, "lon")!.Value));
        Assert.Null(input.NumberOrString(o, "bad"));
        Assert.Equal("at $.bad: expected a number, found \"north\"", input.Error!.Message);
    }

    [Fact]
    public void a_number_too_large_for_a_double_is_rejected_not_infinity()
    {
        var input = Parse("{\"v\": 1e400}");
        Assert.Null(input.Number((JObject)input.Root, "v"));
        Assert.True(input.Failed);
    }

    [Fact]
    public void the_first_error_wins_and_later_reads_still_return_values()
    {
        var input = Parse("{\"events\": [{\"code\": 7, \"time\": true}], \"name\": \"ok\"}");
        var evt = (JObject)((JArray)input.Root["events"]!)[0];
        Assert.Null(input.String(evt, "code"));
        Assert.Null(input.String(evt, "time"));
        Assert.Equal("ok", input.String((JObject)input.Root, "name"));
        Assert.Equal("at $.events[0].code: expected a string, found 7", input.Error!.Message);
        Assert.IsType<Rejected>(input.Rejected());
    }

    [Theory]
    [InlineData("{\"a\": {\"b\": []}}", "$.a.b")]
    [InlineData("[{\"x\": 1}, {\"x\": {\"y\": 2}}]", "$[1].x.y")]
    [InlineData("{\"lgx:canonical\": {\"odd key\": 1}}", "$.lgx:canonical['odd key']")]
    public void paths_are_rooted_at_dollar_and_quote_names_a_dotted_path_cannot_carry(string json, string path)
    {
        var deepest = ((JContainer)Parse(json).Root).DescendantsAndSelf().Last(t => t is JValue or JContainer { HasValues: false } and not JProperty);
        Assert.Equal(path, JsonInput.PathOf(deepest));
    }

    [Fact]
    public void a_missing_member_is_named_by_the_path_it_would_have()
    {
        var input = Parse("{\"shipment\": {\"events\": []}}");
        input.Missing((JObject)input.Root["shipment"]!, "tracking number", "a tracking number");
        Assert.Equal("at $.shipment['tracking number']: expected a tracking number, found nothing", input.Error!.Message);
    }

    [Fact]
    public void found_values_are_described_as_json_writes_them_on_one_line()
    {
        Assert.Equal("\"a?b\"", JsonInput.Describe(new JValue("a\nb")));
        Assert.Equal("12.5", JsonInput.Describe(new JValue(12.5)));
        Assert.Equal("true", JsonInput.Describe(new JValue(true)));
        Assert.Equal("an object", JsonInput.Describe(new JObject()));
        Assert.Equal("nothing", JsonInput.Describe(null));
        Assert.EndsWith("...\"", JsonInput.Describe(new JValue(new string('x', 100))), StringComparison.Ordinal);
    }

    [Fact]
    public void objects_of_an_array_skip_nulls_and_reject_other_items()
    {
        var input = Parse("{\"refs\": [{\"v\": 1}, null, \"BKG\"]}");
        Assert.Single(input.Objects((JObject)input.Root, "refs").ToList());
        Assert.Equal("at $.refs[2]: expected an object in 'refs', found \"BKG\"", input.Error!.Message);
    }
}
