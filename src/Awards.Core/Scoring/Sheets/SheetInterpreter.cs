using System.Globalization;
using Awards.Core.Common;

namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// Turns the lines of a sheet, whatever its format, into rows and errors: the first line that is
/// not empty is the header; every later one that is not empty is a row of scores. Errors collect;
/// only <see cref="SheetMessages.TooManyRows"/> stops the reading (as a <see cref="DomainException"/>).
/// </summary>
internal sealed class SheetInterpreter
{
    /// <summary>
    /// The most errors kept: a 5 MB sheet of one-letter values outside the header's columns made an
    /// error of each, millions of them, and the memory of the site with them.
    /// </summary>
    public const int MaxErrors = 500;

    private const int EntryColumn = -1;
    private const int JudgeColumn = -2;
    private const int CommentColumn = -3;

    private static readonly string[] EntryNames = ["entry code", "entry", "code", "编号", "作品编号"];
    private static readonly string[] JudgeNames = ["judge", "judge e-mail", "judge email", "e-mail", "email", "评委", "评委邮箱"];
    private static readonly string[] CommentNames = ["comment", "comments", "评语"];

    private readonly IReadOnlyList<SheetCriterion> _criteria;
    private readonly SheetLimits _limits;

    // Header key → role: a criterion's index in _criteria, or one of the negative constants.
    private readonly Dictionary<string, int> _roles = new(StringComparer.Ordinal);

    // Role → the column holding it, and the header of every named column, as written.
    private readonly Dictionary<int, int> _columnOf = [];
    private readonly Dictionary<int, string> _headers = [];

    private readonly Dictionary<(string Entry, string Judge), int> _firstLineOfPair = [];
    private readonly List<SheetRow> _rows = [];
    private readonly List<SheetError> _errors = [];
    private int _errorCount;
    private bool _headerRead;
    private bool _headerRefused;
    private int _rowCount;

    public SheetInterpreter(IReadOnlyList<SheetCriterion> criteria, SheetLimits limits)
    {
        _criteria = criteria;
        _limits = limits;
        AddRoles(EntryColumn, EntryNames);
        AddRoles(JudgeColumn, JudgeNames);
        AddRoles(CommentColumn, CommentNames);
        var ids = new HashSet<int>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i] ?? throw new ArgumentException("A criterion is null.", nameof(criteria));
            if (!ids.Add(criterion.Id))
            {
                throw new ArgumentException($"Two criteria have the id {criterion.Id}.", nameof(criteria));
            }

            if (AddRoles(i, [.. criterion.Names ?? [], "c" + (i + 1).ToString(CultureInfo.InvariantCulture)]) is { } clash)
            {
                throw new ArgumentException($"The column name \"{clash}\" would name two columns.", nameof(criteria));
            }
        }
    }

    public void Add(SheetLine line)
    {
        if (line.IsBlank)
        {
            return;
        }

        if (line.Unterminated)
        {
            Error(line.Line, SheetMessages.UnclosedQuote, line.Line);
            _headerRefused |= !_headerRead;
            _headerRead = true;
            return;
        }

        if (!_headerRead)
        {
            ReadHeader(line);
            _headerRead = true;
            return;
        }

        if (++_rowCount > _limits.MaxRows)
        {
            throw new DomainException(SheetMessages.TooManyRows, _limits.MaxRows);
        }

        ReadRow(line);
    }

    public ScoreSheet Result()
    {
        if (!_headerRead)
        {
            return Refused(SheetMessages.Empty);
        }

        return new ScoreSheet(_headerRefused ? [] : [.. _rows], [.. _errors]);
    }

    public static ScoreSheet Refused(string messageKey, params object[] arguments) =>
        new([], [new SheetError(0, messageKey, arguments)]);

    /// <summary>Returns the first name already taken by another role, or null.</summary>
    private string? AddRoles(int role, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var key = SheetText.Key(name ?? string.Empty);
            if (key.Length == 0)
            {
                continue;
            }

            if (_roles.TryGetValue(key, out var other) && other != role)
            {
                return name;
            }

            _roles[key] = role;
        }

        return null;
    }

    private void ReadHeader(SheetLine line)
    {
        foreach (var (column, cell) in line.Cells.OrderBy(pair => pair.Key))
        {
            var key = SheetText.Key(cell.Text);
            if (key.Length == 0)
            {
                continue;
            }

            var written = cell.Text.Trim();
            _headers[column] = written;
            if (!_roles.TryGetValue(key, out var role))
            {
                HeaderError(line.Line, SheetMessages.UnknownColumn, written);
            }
            else if (!_columnOf.TryAdd(role, column))
            {
                HeaderError(line.Line, SheetMessages.DuplicateColumn, written);
            }
        }

        if (!_columnOf.ContainsKey(EntryColumn))
        {
            HeaderError(line.Line, SheetMessages.MissingColumn, "entry code / 作品编号");
        }

        if (!_columnOf.ContainsKey(JudgeColumn))
        {
            HeaderError(line.Line, SheetMessages.MissingColumn, "judge e-mail / 评委邮箱");
        }

        for (var i = 0; i < _criteria.Count; i++)
        {
            if (!_columnOf.ContainsKey(i))
            {
                var names = _criteria[i].Names.Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Trim());
                HeaderError(line.Line, SheetMessages.MissingColumn, string.Join(" / ", names.DefaultIfEmpty("c" + (i + 1).ToString(CultureInfo.InvariantCulture))));
            }
        }
    }

    private void ReadRow(SheetLine line)
    {
        var errorsBefore = _errorCount;
        foreach (var (column, cell) in line.Cells.OrderBy(pair => pair.Key))
        {
            if (!_headers.ContainsKey(column) && !SheetText.IsBlank(cell.Text))
            {
                Error(line.Line, SheetMessages.ValueWithoutColumn, line.Line, cell.Text.Trim());
            }
        }

        var entry = SheetText.Fold(Text(line, EntryColumn)).Trim().ToUpperInvariant();
        if (entry.Length == 0 && _columnOf.ContainsKey(EntryColumn))
        {
            Error(line.Line, SheetMessages.MissingEntryCode, line.Line);
        }

        var judge = SheetText.Fold(Text(line, JudgeColumn)).Trim().ToLowerInvariant();
        if (judge.Length == 0 && _columnOf.ContainsKey(JudgeColumn))
        {
            Error(line.Line, SheetMessages.MissingJudge, line.Line);
        }

        var values = new Dictionary<int, decimal>();
        for (var i = 0; i < _criteria.Count; i++)
        {
            if (_columnOf.TryGetValue(i, out var column) && Score(line, column) is { } score)
            {
                values[_criteria[i].Id] = score;
            }
        }

        if (entry.Length > 0 && judge.Length > 0 && !_firstLineOfPair.TryAdd((entry, judge), line.Line))
        {
            Error(line.Line, SheetMessages.DuplicatePair, line.Line, entry, judge, _firstLineOfPair[(entry, judge)]);
        }

        if (_errorCount == errorsBefore && !_headerRefused)
        {
            // The site's own sheet guards a formula-like comment with an apostrophe (CsvField.Text).
            var comment = Awards.Core.Common.CsvField.Unescape(Text(line, CommentColumn).Trim());
            _rows.Add(new SheetRow(line.Line, entry, judge, values, comment.Length == 0 ? null : comment));
        }
    }

    private decimal? Score(SheetLine line, int column)
    {
        var header = _headers[column];
        if (!line.Cells.TryGetValue(column, out var cell) || SheetText.IsBlank(cell.Text))
        {
            Error(line.Line, SheetMessages.MissingScore, line.Line, header);
            return null;
        }

        var written = cell.Text.Trim();
        decimal value;
        bool plausible;
        if (cell.IsNumber)
        {
            if (!SheetText.TryParseStored(written, out value, out plausible))
            {
                Error(line.Line, SheetMessages.NotANumber, line.Line, header, written);
                return null;
            }
        }
        else
        {
            if (!SheetText.TryParseTyped(written, out value))
            {
                Error(line.Line, SheetMessages.NotANumber, line.Line, header, written);
                return null;
            }

            plausible = value is >= 0 and <= SheetText.MaxPlausibleScore;
        }

        if (!plausible)
        {
            Error(line.Line, SheetMessages.ImpossibleScore, line.Line, header, written);
            return null;
        }

        return value;
    }

    private string Text(SheetLine line, int role) =>
        _columnOf.TryGetValue(role, out var column) && line.Cells.TryGetValue(column, out var cell) ? cell.Text : string.Empty;

    private void HeaderError(int line, string messageKey, string argument)
    {
        _headerRefused = true;
        Error(line, messageKey, argument);
    }

    private void Error(int line, string messageKey, params object[] arguments)
    {
        if (++_errorCount <= MaxErrors)
        {
            _errors.Add(new SheetError(line, messageKey, arguments));
        }
        else if (_errorCount == MaxErrors + 1)
        {
            _errors.Add(new SheetError(0, SheetMessages.TooManyErrors, [MaxErrors]));
        }
    }
}
