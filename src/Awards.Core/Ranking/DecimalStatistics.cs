namespace Awards.Core.Ranking;

/// <summary>Means, medians and standard deviations in decimal, independent of the values' order.</summary>
internal static class DecimalStatistics
{
    /// <summary>Rounds a final value to 2 places, halves away from zero.</summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal Mean(IReadOnlyCollection<decimal> values) => Sorted(values).Sum() / values.Count;

    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        var sorted = Sorted(values);
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The population standard deviation, √((n·Σx² − (Σx)²) / n²): the sums are exact for totals of
    /// a few places, so the result does not depend on the order of the values.
    /// </summary>
    public static decimal PopulationStandardDeviation(IReadOnlyCollection<decimal> values)
    {
        var sorted = Sorted(values);
        decimal n = sorted.Count;
        var sum = sorted.Sum();
        var sumOfSquares = sorted.Select(v => v * v).Order().Sum();
        return Sqrt(((n * sumOfSquares) - (sum * sum)) / (n * n));
    }

    /// <summary>Newton's method from the double's square root, to decimal precision.</summary>
    public static decimal Sqrt(decimal value)
    {
        if (value <= 0)
        {
            return 0;
        }

        var root = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 10; i++)
        {
            var next = (root + (value / root)) / 2;
            if (next == root)
            {
                break;
            }

            root = next;
        }

        return root;
    }

    private static List<decimal> Sorted(IReadOnlyCollection<decimal> values)
    {
        var sorted = values.ToList();
        sorted.Sort();
        return sorted;
    }
}
