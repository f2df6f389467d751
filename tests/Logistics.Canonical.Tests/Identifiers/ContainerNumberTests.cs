using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;

namespace Logistics.Canonical.Tests.Identifiers;

public class parsing_a_container_number
{
    [Theory]
    [InlineData("CSQU3054383", "CSQU3054383")] // the ISO 6346 worked example
    [InlineData("MSKU1234565", "MSKU1234565")]
    [InlineData("csqu 305438 3", "CSQU3054383")]
    [InlineData("CSQU-305438-3", "CSQU3054383")]
    [InlineData("TGHU1234567", "TGHU1234567")]
    public void accepts_valid_numbers_and_normalises_them(string input, string expected)
    {
        Assert.True(ContainerNumber.TryParse(input, out var number, out var error), error);
        Assert.Equal(expected, number.Value);
        Assert.Equal("", error);
    }

    [Fact]
    public void rejects_a_wrong_check_digit_naming_both_digits()
    {
        Assert.False(ContainerNumber.TryParse("CSQU3054385", out _, out var error));
        Assert.Equal("check digit 3 expected, found 5", error);
    }

    [Theory]
    [InlineData("CSQX3054383", "category 'X'")]
    [InlineData("C5QU3054383", "owner code")]
    [InlineData("CSQU305438", "10 characters")]
    [InlineData("CSQU30543A3", "7 digits")]
    [InlineData("", "empty")]
    public void rejects_malformed_numbers_saying_why(string input, string expected)
    {
        Assert.False(ContainerNumber.TryParse(input, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void accepts_the_J_and_Z_categories()
    {
        // Same owner code and serial; the category letter changes the check digit (J=20, Z=38 at weight 8).
        Assert.True(ContainerNumber.TryParse("CSQJ305438" + CheckDigits.Iso6346("CSQJ305438"), out var j, out _));
        Assert.Equal('J', j.Category);
        Assert.True(ContainerNumber.TryParse("CSQZ305438" + CheckDigits.Iso6346("CSQZ305438"), out var z, out _));
        Assert.Equal('Z', z.Category);
    }

    [Fact]
    public void becomes_a_container_reference()
    {
        var number = ContainerNumber.Parse("csqu3054383");
        Assert.Equal(new Reference("container", "CSQU3054383"), number.ToReference());
        Assert.Equal("CSQ", number.OwnerCode);
    }

    [Fact]
    public void parse_throws_with_the_reason()
    {
        var ex = Assert.Throws<FormatException>(() => ContainerNumber.Parse("MSKU1234566"));
        Assert.Contains("check digit 5 expected, found 6", ex.Message);
    }
}
