using Logistics.Adapters.Sdk.Mapping;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Tests.Sdk.Mapping;

/// <summary>The JSONPath subset mappings use: roots, members, indexes, wildcards, filters; compile errors name the character.</summary>
public sealed class JsonSelectorTests
{
    static readonly JToken Doc = JToken.Parse("""
        {"shipment": {"id": "S1", "refs": [{"type": "BOL", "value": "B1"}, {"type": "PO", "value": "P1"}],
         "events": [{"code": "A", "at": {"t": "1"}}, {"code": "B"}, {"code": "C", "odd key": 5}]}}
        """);

    static List<string> Select(string selector, JToken? current = null)
    {
        Assert.True(JsonSelector.TryParse(selector, out var s, out var error), error);
        return s.Select(Doc, current ?? Doc).Select(t => t.ToString(Newtonsoft.Json.Formatting.None)).ToList();
    }

    [Theory]
    [InlineData("$.shipment.id", "\"S1\"")]
    [InlineData("$['shipment'].events[0].code", "\"A\"")]
    [InlineData("$.shipment.events[-1].code", "\"C\"")]
    [InlineData("$.shipment.events[*].code", "\"A\",\"B\",\"C\"")]
    [InlineData("$.shipment.refs[?(@.type=='BOL')].value", "\"B1\"")]
    [InlineData("$.shipment.refs[?(@.type!='BOL')].value", "\"P1\"")]
    [InlineData("$.shipment.events[2]['odd key']", "5")]
    [InlineData("$.shipment.events[9].code", "")]
    [InlineData("$.nothing.here", "")]
    public void a_document_selector_finds_what_jsonpath_would(string selector, string found) =>
        Assert.Equal(found, string.Join(",", Select(selector)));

    [Fact]
    public void event_and_ancestor_selectors_start_from_the_event()
    {
        var evt = Doc["shipment"]!["events"]![0]!;
        Assert.Equal(["\"1\""], Select("@.at.t", evt));
        Assert.Equal(["\"S1\""], Select("^.id", evt)); // the nearest enclosing object with an id: the shipment
        Assert.Equal(["\"A\""], Select("^.code", evt)); // the event itself comes first
    }

    [Fact]
    public void the_fixed_prefix_stops_before_the_first_wildcard()
    {
        Assert.True(JsonSelector.TryParse("$.shipment.events[*].code", out var s, out _));
        Assert.Equal("$.shipment.events", s.FixedPrefix()!.Text);
        Assert.True(JsonSelector.TryParse("$.shipment.id", out var single, out _));
        Assert.Null(single.FixedPrefix());
    }

    [Theory]
    [InlineData("shipment.id", "at character 1 of 'shipment.id': expected $ (document), @ (event) or ^ (nearest ancestor) first")]
    [InlineData("$.a[", "at character 5 of '$.a[': expected *, an index, a quoted name or ?(@.name=='value') inside '[ ]'")]
    [InlineData("$.a[0", "at character 6 of '$.a[0': expected ']'")]
    [InlineData("$.a[?(@.b='x')]", "at character 10 of '$.a[?(@.b='x')]': expected '==' or '!=' in the filter")]
    [InlineData("$..a", "at character 3 of '$..a': expected a member name after '.'")]
    [InlineData("$.a['b]", "at character 8 of '$.a['b]': expected the closing '")]
    public void a_selector_that_does_not_compile_says_where(string selector, string error)
    {
        Assert.False(JsonSelector.TryParse(selector, out _, out var message));
        Assert.Equal(error, message);
    }
}
