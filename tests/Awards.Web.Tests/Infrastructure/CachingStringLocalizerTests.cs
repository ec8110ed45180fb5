using System.Globalization;
using Awards.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>The site's localizer remembers strings per UI culture, so a language switch still switches.</summary>
public sealed class CachingStringLocalizerTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public void TheSameKey_GivesEachCulturesText_AndFormatsArguments()
    {
        var l = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.IsType<CachingStringLocalizerFactory>(factory.Services.GetRequiredService<IStringLocalizerFactory>());
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            var texts = new List<string>();
            foreach (var culture in new[] { "zh-CN", "en", "zh-CN", "en" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
                texts.Add(l["Sign out"].Value);
                texts.Add(l["{0} of {1} submitted", 3, 1000].Value);
            }

            Assert.Equal(["退出", "已提交 3 / 1000", "Sign out", "3 of 1000 submitted"], texts.Take(4));
            Assert.Equal(texts.Take(4), texts.Skip(4));
            Assert.True(l["No such key in the resources"].ResourceNotFound);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
