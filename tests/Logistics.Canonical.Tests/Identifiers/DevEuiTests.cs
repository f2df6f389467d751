using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;

namespace Logistics.Canonical.Tests.Identifiers;

public class parsing_a_dev_eui
{
    [Theory]
    [InlineData("70B3D57ED0001234")]
    [InlineData("70b3d57ed0001234")]
    [InlineData("70-B3-D5-7E-D0-00-12-34")]
    [InlineData("70:b3:d5:7e:d0:00:12:34")]
    public void accepts_separators_and_normalises_to_upper_case(string input)
    {
        Assert.True(DevEui.TryParse(input, out var eui, out var error), error);
        Assert.Equal("70B3D57ED0001234", eui.Value);
    }

    [Theory]
    [InlineData("70B3D57ED000123", "15 hex digits")]
    [InlineData("70B3D57ED00012345", "17 hex digits")]
    [InlineData("70B3D57ED000123G", "contains 'G'")]
    [InlineData("70 B3 D5 7E D0 00 12 34", "contains ' '")]
    public void rejects_wrong_lengths_and_non_hex(string input, string expected)
    {
        Assert.False(DevEui.TryParse(input, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void becomes_a_dev_eui_reference() =>
        Assert.Equal(new Reference("devEui", "70B3D57ED0001234"), DevEui.Parse("70-b3-d5-7e-d0-00-12-34").ToReference());

    [Fact]
    public void two_spellings_of_one_eui_are_equal() =>
        Assert.Equal(DevEui.Parse("70:b3:d5:7e:d0:00:12:34"), DevEui.Parse("70B3D57ED0001234"));
}
