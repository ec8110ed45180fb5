using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Remembers every string the resource files gave, per UI culture. The resources are compiled
/// into the assembly and never change while the site runs, but each look-up through
/// ResourceManager takes a lock that all requests share: on a judge's queue page, localization was
/// a tenth of the request, most of it waiting for that lock (docs/PERFORMANCE.md).
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type, string?, string?), CachingStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource, null, null), key => new CachingStringLocalizer(inner.Create(key.Item1)));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((typeof(void), baseName, location), key => new CachingStringLocalizer(inner.Create(key.Item2!, key.Item3!)));
}

/// <summary>One resource's strings, looked up once per culture and name.</summary>
public sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name] =>
        _strings.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), key => inner[key.Name]);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            // The same formatting as ResourceManagerStringLocalizer: the format string in the UI
            // culture, the arguments in the current culture.
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
