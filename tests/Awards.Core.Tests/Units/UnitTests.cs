using Awards.Core.Common;
using Awards.Core.Units;

namespace Awards.Core.Tests.Units;

public class UnitTests
{
    private static readonly Unit City = new("city", new BilingualText("清河市", "Qinghe"), UnitKind.City, null);

    [Fact]
    public void Constructor_CityWithAParent_Throws()
    {
        Assert.Throws<DomainException>(() => new Unit("city2", new BilingualText("另一市", "Other"), UnitKind.City, City));
    }

    [Theory]
    [InlineData(UnitKind.County)]
    [InlineData(UnitKind.HelpingUnit)]
    [InlineData(UnitKind.MunicipalUnit)]
    public void Constructor_UnitOtherThanTheCityWithoutAParent_Throws(UnitKind kind)
    {
        Assert.Throws<DomainException>(() => new Unit("orphan", new BilingualText("某单位", "Some unit"), kind, null));
    }

    [Fact]
    public void Rename_KeepsTheFormerNameOnlyWhenAsked_OnceEach_AndNeedsAChineseName()
    {
        var county = new Unit("qingshan", new BilingualText("青山县", "Qingshan County"), UnitKind.County, City);

        county.Rename(new BilingualText("青山县", "Qingshan"));
        county.Rename(new BilingualText("青山区", "Qingshan District"), keepFormer: true);
        county.Rename(new BilingualText("青山区", "Qingshan District"), keepFormer: true);
        county.Rename(new BilingualText("青山新区", "Qingshan New District"), keepFormer: true);

        Assert.Equal("青山新区", county.Name.Zh);
        Assert.Equal([new BilingualText("青山县", "Qingshan"), new BilingualText("青山区", "Qingshan District")], county.FormerNames);
        Assert.Throws<DomainException>(() => county.Rename(new BilingualText(" ", "Blank"), keepFormer: true));
        Assert.Equal(2, county.FormerNames.Count);
    }

    [Fact]
    public void Constructor_CountyUnderTheCity_KeepsItsParent()
    {
        var county = new Unit("east", new BilingualText("东县", "East County"), UnitKind.County, City);

        Assert.Same(City, county.Parent);
        Assert.Equal(UnitKind.County, county.Kind);
    }

    [Theory]
    [InlineData(UnitKind.County, true)]
    [InlineData(UnitKind.HelpingUnit, true)]
    [InlineData(UnitKind.MunicipalUnit, false)]
    public void CanNominate_OnlyForCountiesAndHelpingUnits(UnitKind kind, bool expected)
    {
        var unit = new Unit("u", new BilingualText("单位", "Unit"), kind, City);

        Assert.Equal(expected, unit.CanNominate);
    }

    [Fact]
    public void CanNominate_IsFalseForTheCity()
    {
        Assert.False(City.CanNominate);
    }
}
