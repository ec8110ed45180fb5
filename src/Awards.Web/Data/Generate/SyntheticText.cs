using System.Text;
using Awards.Core.Common;

namespace Awards.Web.Data.Generate;

/// <summary>
/// Chinese essay and deeds text for generated contests: sentences about poverty alleviation drawn
/// from a fixed pool by a seeded <see cref="Random"/>, in paragraphs with the odd subheading, so the
/// same seed always writes the same text. Lengths are counted as <see cref="TextLength"/> counts them.
/// </summary>
public static class SyntheticText
{
    private static readonly string[] Openings =
    [
        "那一年秋天，我第一次走进大山深处的村子。",
        "清晨五点，村口的大喇叭已经响了起来。",
        "我至今还记得第一次入户走访时老人的眼神。",
        "从县城到村里，要翻过三道梁、蹚过两条河。",
        "接到驻村通知的那天晚上，我一夜没有睡着。",
        "我家住在半山腰，出门就是望不到头的石头地。",
    ];

    private static readonly string[] Sentences =
    [
        "驻村工作队挨家挨户登记，把每一户的困难都记在本子上。",
        "村里的土路一到雨天就泥泞不堪，孩子们上学要走两个多小时。",
        "我们帮助村民成立了种植合作社，统一育苗、统一销售。",
        "老支书拉着我的手说，只要路通了，日子就有了盼头。",
        "第一批茶叶卖出去的时候，全村人都聚在村委会门口。",
        "扶贫先扶志，扶贫必扶智，这句话我在村里体会得最深。",
        "技术员一遍遍示范嫁接，直到每一位乡亲都学会为止。",
        "电商服务站开张以后，山里的核桃第一次卖到了省城。",
        "为了让孩子安心读书，帮扶单位设立了助学金。",
        "易地搬迁的新房宽敞明亮，老人搬进去那天笑得合不拢嘴。",
        "我们一起修水窖、建圈舍，把产业一点点发展起来。",
        "夜里开会到很晚，大家围着火盆商量明年的种植计划。",
        "有一户人家因病致贫，我们帮他们办好了医疗救助。",
        "光伏板装上屋顶以后，村集体每年多了一笔稳定收入。",
        "乡亲们的腰包鼓了，脸上的笑容也越来越多。",
        "扶贫车间就开在家门口，妇女们照顾家里也能挣钱。",
        "每逢赶集，我都去帮合作社吆喝，顺便听听大家的想法。",
        "困难面前，党员干部总是冲在最前面。",
        "脱贫不是终点，而是新生活的起点。",
        "看着村里的变化，我觉得所有的辛苦都是值得的。",
        "我们把劳动力转移就业作为重点，组织了多期技能培训。",
        "村里的小学新修了操场，孩子们终于有了跑道。",
        "养殖户老王说，今年出栏的生猪比去年多了一倍。",
        "在帮扶干部的鼓励下，我贷款办起了农家乐。",
        "一条条硬化路通到了家门口，运输成本降了一大半。",
        "社会组织的志愿者每个月都来村里，陪伴留守老人和儿童。",
        "我们建立了防止返贫监测机制，及时发现新的困难。",
        "乡村振兴的路还很长，我们要一步一个脚印地走下去。",
    ];

    private static readonly string[] Headings = ["初到村里", "艰难起步", "产业之路", "乡亲们的笑脸", "新的起点", "不忘初心"];

    private static readonly string[] TitleStarts = ["大山深处的", "我和乡亲们的", "一条路和", "茶园里的", "搬出大山的", "村口那棵老槐树下的", "那些年的"];

    private static readonly string[] TitleEnds = ["希望", "约定", "故事", "日子", "脚印", "春天", "守望"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];

    private static readonly string[] GivenNames = ["建国", "秀英", "海燕", "志强", "丽华", "国庆", "春生", "文静", "晓梅", "卫东", "立新", "桂兰", "永红", "明远", "雪", "宏", "若兰", "建华", "小军", "红梅"];

    public static string Title(Random random) =>
        TitleStarts[random.Next(TitleStarts.Length)] + TitleEnds[random.Next(TitleEnds.Length)];

    public static string PersonName(Random random) =>
        Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    /// <summary>
    /// Markdown of <paramref name="minLength"/> to <paramref name="maxLength"/> counted characters,
    /// aiming at a length drawn uniformly between them. Sentences from the pool alternate with
    /// clauses of random ideographs, so the text compresses about as well as real prose does, not
    /// as well as the same thirty sentences repeated would (that would flatter the exports' timings).
    /// </summary>
    public static string Body(Random random, int minLength, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = random.Next(minLength, maxLength + 1);
        var text = new StringBuilder(target + target / 4);
        var opening = Openings[random.Next(Openings.Length)];
        text.Append(opening);
        var length = TextLength.Count(opening);
        var paragraph = 0;
        while (true)
        {
            var sentence = Sentences[random.Next(Sentences.Length)];

            // Every character of the pool counts one (ideographs and Chinese punctuation).
            var clause = 4 + random.Next(9);
            if (length + sentence.Length + clause + 1 > target)
            {
                break;
            }

            text.Append(sentence);
            for (var i = 0; i < clause; i++)
            {
                text.Append((char)random.Next(0x4E00, 0x9FA6));
            }

            text.Append('。');
            length += sentence.Length + clause + 1;
            if (random.Next(4) == 0)
            {
                paragraph++;
                text.Append("\n\n");
                if (paragraph % 6 == 0 && length + 8 < target)
                {
                    var heading = Headings[random.Next(Headings.Length)];
                    text.Append("## ").Append(heading).Append("\n\n");
                    length += heading.Length;
                }
            }
        }

        // Top up with single characters so the text lands inside the limits whatever the pool's sentence lengths.
        for (; length < minLength; length++)
        {
            text.Append('好');
        }

        return text.ToString().TrimEnd();
    }
}
