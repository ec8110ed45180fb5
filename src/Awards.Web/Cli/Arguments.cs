namespace Awards.Web.Cli;

/// <summary>A verb's options (<c>--name value</c>, <c>--flag</c>); <c>--Section:Key=value</c> goes to configuration.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private Arguments(TextReader input, bool inputIsTerminal) => (Input, InputIsTerminal) = (input, inputIsTerminal);

    public TextReader Input { get; }

    /// <summary>Whether a person can answer a question on <see cref="Input"/> (not a pipe or a script).</summary>
    public bool InputIsTerminal { get; }

    public string[] Configuration { get; private set; } = [];

    /// <summary>A first argument that is not an option, e.g. the kind in <c>export anthology --out a.docx</c>.</summary>
    public string? Positional { get; private set; }

    public static Arguments Parse(IEnumerable<string> args, TextReader input, bool inputIsTerminal = false)
    {
        var result = new Arguments(input, inputIsTerminal);
        var configuration = new List<string>();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                configuration.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
                result._options[arg] = hasValue ? list[++i] : null;
            }
            else if (i == 0)
            {
                result.Positional = arg;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }

        result.Configuration = configuration.ToArray();
        return result;
    }

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>An option's value, or null when it was not given.</summary>
    public string? Value(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) =>
        _options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"{name} is required");
}
