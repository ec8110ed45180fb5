namespace Awards.Core.Anonymization;

/// <summary>
/// How a Chinese name is written in pinyin: 何春生 as He Chunsheng, 吕小梅 as Lü, Lu, Lv or Lyu
/// Xiaomei. An author who writes an English essay signs it that way, so the pinyin of every
/// Chinese name term is matched like a Latin name (whole, either order, see
/// <see cref="TermMatcher"/>) although the profile holds only the characters.
/// <para>
/// A character can have several readings (长 zhang and chang): every combination would be a
/// pattern, so the combinations are taken the most usual first (the first reading of each character
/// is the usual one, see <see cref="HanTables.Readings"/>) and no more than
/// <see cref="MaxVariants"/>. A surname read differently from the word (单 Shan, 曾 Zeng, 乐 Yue)
/// gets its surname reading first, so that one is always among them. Names of more than four
/// characters are left out: they are transcriptions (阿卜杜热合曼), whose Latin spelling is not pinyin.
/// </para>
/// </summary>
internal static class PinyinNames
{
    public const int MaxVariants = 16;

    private const int MaxCharacters = 4;

    // Surnames whose reading is not the character's usual one; syllables separated by a space.
    private static readonly Dictionary<string, string> SurnameReadings = new(StringComparer.Ordinal)
    {
        ["单"] = "shan",
        ["曾"] = "zeng",
        ["仇"] = "qiu",
        ["解"] = "xie",
        ["区"] = "ou",
        ["朴"] = "piao",
        ["查"] = "zha",
        ["盖"] = "ge",
        ["乐"] = "yue",
        ["翟"] = "zhai",
        ["覃"] = "qin",
        ["缪"] = "miao",
        ["尉"] = "yu",
        ["繁"] = "po",
        ["种"] = "chong",
        ["秘"] = "bi",
        ["员"] = "yun",
        ["句"] = "gou",
        ["尉迟"] = "yu chi",
        ["万俟"] = "mo qi",
        ["长孙"] = "zhang sun",
        ["单于"] = "chan yu",
    };

    /// <summary>
    /// The pinyin spellings of a folded name key, each as its syllables with the surname's first
    /// (<paramref name="surnameLength"/> characters of the key); none when a character has no reading.
    /// </summary>
    public static List<(string[] Surname, string[] Given)> Of(string key, int surnameLength)
    {
        if (key.Length is < 2 or > MaxCharacters || surnameLength >= key.Length)
        {
            return [];
        }

        // Each slot is a list of choices, each choice one or more syllables; the usual choice first.
        var slots = new List<List<string[]>>();
        var surname = key[..surnameLength];
        var special = SurnameReadings.GetValueOrDefault(surname);
        if (special is not null && surnameLength == 1)
        {
            slots.Add([[special], .. Choices(surname[0]).Where(choice => choice[0] != special)]);
        }
        else if (special is not null)
        {
            // The compound's own reading only: 长孙 is never Changsun.
            slots.Add([special.Split(' ')]);
        }
        else
        {
            slots.AddRange(surname.Select(Choices));
        }

        var surnameSlots = slots.Count;
        slots.AddRange(key[surnameLength..].Select(Choices));
        if (slots.Exists(s => s.Count == 0))
        {
            return [];
        }

        var spellings = new List<(string[] Surname, string[] Given)>();
        var picks = new int[slots.Count];
        var most = slots.Sum(s => s.Count - 1);
        for (var rank = 0; rank <= most && spellings.Count < MaxVariants; rank++)
        {
            Collect(0, rank);
        }

        return spellings;

        // Every combination whose choice indexes add up to left, earlier slots' usual choices first.
        void Collect(int slot, int left)
        {
            if (spellings.Count >= MaxVariants)
            {
                return;
            }

            if (slot == slots.Count)
            {
                if (left == 0)
                {
                    var syllables = picks.Select((pick, i) => slots[i][pick]).ToList();
                    spellings.Add(([.. syllables.Take(surnameSlots).SelectMany(s => s)], [.. syllables.Skip(surnameSlots).SelectMany(s => s)]));
                }

                return;
            }

            for (var pick = 0; pick <= left && pick < slots[slot].Count; pick++)
            {
                picks[slot] = pick;
                Collect(slot + 1, left - pick);
            }
        }
    }

    /// <summary>
    /// A character's readings, a reading with ü (written v) as people type it: Lu (the folded Lü),
    /// Lv and Lyu.
    /// </summary>
    private static List<string[]> Choices(char c)
    {
        var spellings = new List<string>();
        foreach (var reading in HanTables.Readings(c))
        {
            string[] ways = reading.Contains('v', StringComparison.Ordinal)
                ? [reading.Replace('v', 'u'), reading, reading.Replace("v", "yu", StringComparison.Ordinal)]
                : [reading];
            spellings.AddRange(ways.Where(way => !spellings.Contains(way)));
        }

        return [.. spellings.Select(spelling => new[] { spelling })];
    }
}
