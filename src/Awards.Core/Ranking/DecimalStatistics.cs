namespace Awards.Core.Ranking;

/// <summary>Means, medians and standard deviations in decimal, independent of the values' order.</summary>
internal static class DecimalStatistics
{
    /// <summary>Rounds a final value to 2 places, halves away from zero.</summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal Mean(IReadOnlyCollection<decimal> values) => Sum(Sorted(values)) / values.Count;

    public static decimal Median(IReadOnlyCollection<decimal> values) => MedianOfSorted(Sorted(values));

    /// <summary>
    /// The population standard deviation, √((n·Σx² − (Σx)²) / n²): the sums are exact for totals of
    /// a few places, so the result does not depend on the order of the values.
    /// </summary>
    public static decimal PopulationStandardDeviation(IReadOnlyCollection<decimal> values)
    {
        var sorted = Sorted(values);
        return Deviation(sorted, Sum(sorted));
    }

    /// <summary>
    /// <see cref="Mean"/> and <see cref="PopulationStandardDeviation"/> of the same values, the same
    /// to the last digit, from one sorted copy instead of three (a province's pool is 30,000 totals).
    /// </summary>
    public static (decimal Mean, decimal Deviation) MeanAndDeviation(IReadOnlyCollection<decimal> values)
    {
        var sorted = Sorted(values);
        var sum = Sum(sorted);
        return (sum / sorted.Count, Deviation(sorted, sum));
    }

    private static decimal MedianOfSorted(List<decimal> sorted)
    {
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // The squares are summed smallest first, as the values are. Squares of values sorted ascending
    // ascend already when none is negative (every total on a scale from 0); otherwise they are sorted.
    private static decimal Deviation(List<decimal> sorted, decimal sum)
    {
        decimal n = sorted.Count;
        var squares = new List<decimal>(sorted.Count);
        foreach (var value in sorted)
        {
            squares.Add(value * value);
        }

        var sumOfSquares = sorted.Count > 0 && sorted[0] < 0 ? Sum([.. squares.Order()]) : Sum(squares);
        return Sqrt(((n * sumOfSquares) - (sum * sum)) / (n * n));
    }

    // In the list's order, first to last, as Enumerable.Sum adds them.
    private static decimal Sum(List<decimal> values)
    {
        var sum = 0m;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
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
