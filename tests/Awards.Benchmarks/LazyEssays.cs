using System.Collections;
using Awards.Core.Exports;
using Awards.Web.Data.Generate;

namespace Awards.Benchmarks;

/// <summary>Essays written as they are enumerated, so the input costs no memory up front.</summary>
internal sealed class LazyEssays(int count, int seed, string level) : IReadOnlyList<DocumentEssay>
{
    public int Count => count;

    public DocumentEssay this[int index]
    {
        get
        {
            var random = new Random(seed + index);
            return new DocumentEssay($"CODE-{index}", SyntheticText.Title(random), $"作者{index} · 清河县 · {level}", SyntheticText.Body(random, 1_000, 6_000));
        }
    }

    public IEnumerator<DocumentEssay> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
