namespace Awards.Core.Exports;

/// <summary>
/// An amount of whole yuan in capital numerals (大写金额), as a payment document writes it so that
/// a figure cannot be altered: 12,050 is 壹万贰仟零伍拾元整.
/// </summary>
public static class CapitalYuan
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";

    private static readonly string[] Places = ["", "拾", "佰", "仟"];

    private static readonly string[] Groups = ["", "万", "亿", "万亿"];

    /// <summary>The amount in capital numerals, ending 元整; from 0 up to 9,999,999,999,999,999.</summary>
    public static string Of(long yuan)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yuan);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yuan, 9_999_999_999_999_999L);
        if (yuan == 0)
        {
            return "零元整";
        }

        // Groups of four digits, highest first: 1,2050 is 壹万 then 贰仟零伍拾.
        var groups = new List<int>();
        for (var n = yuan; n > 0; n /= 10_000)
        {
            groups.Insert(0, (int)(n % 10_000));
        }

        var text = new System.Text.StringBuilder();
        var gap = false;
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (group == 0)
            {
                gap = text.Length > 0;
                continue;
            }

            // A zero between two groups is read once: 壹万零伍, 壹亿零伍万.
            if (text.Length > 0 && (gap || group < 1_000))
            {
                text.Append('零');
            }

            text.Append(Group(group)).Append(Groups[groups.Count - 1 - i]);
            gap = false;
        }

        return text.Append("元整").ToString();
    }

    /// <summary>One group of up to four digits, without its leading zeros: 2050 is 贰仟零伍拾.</summary>
    private static string Group(int group)
    {
        var text = new System.Text.StringBuilder();
        var zero = false;
        for (var place = 3; place >= 0; place--)
        {
            var digit = group / (int)Math.Pow(10, place) % 10;
            if (digit == 0)
            {
                zero = text.Length > 0;
                continue;
            }

            if (zero)
            {
                text.Append('零');
                zero = false;
            }

            text.Append(Digits[digit]).Append(Places[place]);
        }

        return text.ToString();
    }
}
