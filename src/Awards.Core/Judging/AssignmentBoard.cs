namespace Awards.Core.Judging;

/// <summary>
/// The working state of one <see cref="Assigner.Plan"/> call. Entries and judges are numbered by
/// ascending id, so the result depends on the sets given and the seed, never on their order.
/// An entry's judges are either pinned (a kept score: never moved) or movable (no score yet).
/// Loads count both; a pinned judge who has left the panel counts for the entry but has no load.
/// </summary>
internal sealed class AssignmentBoard
{
    private const int NoUnit = -1;
    private const int NoEntry = -1;

    private readonly int _judgesPerEntry;
    private readonly int _judgeCount;
    private readonly CandidateEntry[] _entries;
    private readonly int[] _entryUnits;
    private readonly int[] _judgeIds;
    private readonly int[] _judgeUnits;
    private readonly int[]?[] _conflicts;
    private readonly int[] _eligibleCount;
    private readonly Dictionary<int, int> _entryIndex;
    private readonly Dictionary<int, int> _judgeIndex;

    private readonly List<int>?[] _pinned;
    private readonly List<int>?[] _pinnedAway;
    private readonly List<int>[] _movable;
    private readonly List<int>[] _movableByJudge;
    private readonly int[] _load;
    private readonly int[] _judgeOrder;

    public AssignmentBoard(IReadOnlyList<CandidateEntry> entries, IReadOnlyList<PanelJudge> panel, int judgesPerEntry)
    {
        _judgesPerEntry = judgesPerEntry;
        _entries = [.. entries.OrderBy(e => e.EntryId)];
        var judges = panel.OrderBy(j => j.JudgeId).ToArray();
        _judgeCount = judges.Length;
        _judgeOrder = [.. Enumerable.Range(0, _judgeCount)];

        _entryIndex = new Dictionary<int, int>(_entries.Length);
        for (var e = 0; e < _entries.Length; e++)
        {
            if (!_entryIndex.TryAdd(_entries[e].EntryId, e))
            {
                throw new ArgumentException($"Entry {_entries[e].EntryId} is listed twice.", nameof(entries));
            }
        }

        _judgeIndex = new Dictionary<int, int>(_judgeCount);
        for (var j = 0; j < _judgeCount; j++)
        {
            if (!_judgeIndex.TryAdd(judges[j].JudgeId, j))
            {
                throw new ArgumentException($"Judge {judges[j].JudgeId} is listed twice.", nameof(panel));
            }
        }

        // Units as dense numbers; a judge whose unit has no entry here conflicts with none of them.
        var units = new Dictionary<int, int>();
        _entryUnits = new int[_entries.Length];
        for (var e = 0; e < _entries.Length; e++)
        {
            if (!units.TryGetValue(_entries[e].UnitId, out var unit))
            {
                unit = units.Count;
                units.Add(_entries[e].UnitId, unit);
            }

            _entryUnits[e] = unit;
        }

        _judgeIds = new int[_judgeCount];
        _judgeUnits = new int[_judgeCount];
        var judgesInUnit = new int[units.Count];
        for (var j = 0; j < _judgeCount; j++)
        {
            _judgeIds[j] = judges[j].JudgeId;
            _judgeUnits[j] = judges[j].UnitId is int id && units.TryGetValue(id, out var unit) ? unit : NoUnit;
            if (_judgeUnits[j] != NoUnit)
            {
                judgesInUnit[_judgeUnits[j]]++;
            }
        }

        _conflicts = new int[]?[_entries.Length];
        _eligibleCount = new int[_entries.Length];
        _pinned = new List<int>?[_entries.Length];
        _pinnedAway = new List<int>?[_entries.Length];
        _movable = new List<int>[_entries.Length];
        for (var e = 0; e < _entries.Length; e++)
        {
            _eligibleCount[e] = _judgeCount - judgesInUnit[_entryUnits[e]];
            _movable[e] = [];
            if (_entries[e].ConflictedJudgeIds.Count == 0)
            {
                continue;
            }

            var conflicted = new SortedSet<int>();
            foreach (var judgeId in _entries[e].ConflictedJudgeIds)
            {
                if (_judgeIndex.TryGetValue(judgeId, out var j))
                {
                    conflicted.Add(j);
                }
            }

            _conflicts[e] = conflicted.Count == 0 ? null : [.. conflicted];
            _eligibleCount[e] -= conflicted.Count(j => _judgeUnits[j] != _entryUnits[e]);
        }

        _movableByJudge = new List<int>[_judgeCount];
        for (var j = 0; j < _judgeCount; j++)
        {
            _movableByJudge[j] = [];
        }

        _load = new int[_judgeCount];
    }

    /// <summary>
    /// Takes a current assignment in when it may stay: a panel judge still eligible (pinned when
    /// scored), or a judge off the panel who scored the entry and is not among its conflicted judges.
    /// Anything not taken in ends up in the plan's Removed.
    /// </summary>
    public void TakeIn(Pair pair, bool hasScore)
    {
        if (!_entryIndex.TryGetValue(pair.EntryId, out var e))
        {
            return;
        }

        if (_judgeIndex.TryGetValue(pair.JudgeId, out var j))
        {
            if (!IsEligible(e, j))
            {
                return;
            }

            if (hasScore)
            {
                (_pinned[e] ??= []).Add(j);
            }
            else
            {
                _movable[e].Add(j);
                _movableByJudge[j].Add(e);
            }

            _load[j]++;
        }
        else if (hasScore && !_entries[e].ConflictedJudgeIds.Contains(pair.JudgeId))
        {
            (_pinnedAway[e] ??= []).Add(pair.JudgeId);
        }
    }

    /// <summary>
    /// An entry keeps unscored judges only up to k judges in all; the extra ones go from the
    /// busiest of its judges first.
    /// </summary>
    public void TrimToK()
    {
        for (var e = 0; e < _entries.Length; e++)
        {
            var movable = _movable[e];
            while (movable.Count > 0 && PinnedCount(e) + movable.Count > _judgesPerEntry)
            {
                var busiest = movable[0];
                foreach (var j in movable)
                {
                    if (_load[j] > _load[busiest])
                    {
                        busiest = j;
                    }
                }

                movable.Remove(busiest);
                _movableByJudge[busiest].Remove(e);
                _load[busiest]--;
            }
        }
    }

    /// <summary>
    /// Gives every entry its missing judges: entries with the fewest free eligible judges first,
    /// each getting the least-loaded eligible judges; ties are broken at random from the seed.
    /// </summary>
    public void Fill(Random random)
    {
        random.Shuffle(_judgeOrder);
        var keys = new List<long>();
        var pending = new List<int>();
        for (var e = 0; e < _entries.Length; e++)
        {
            if (Target(e) > Count(e))
            {
                var free = _eligibleCount[e] - (_pinned[e]?.Count ?? 0) - _movable[e].Count;
                keys.Add(((long)free << 31) | (uint)random.Next());
                pending.Add(e);
            }
        }

        var order = pending.ToArray();
        Array.Sort(keys.ToArray(), order);
        var best = new int[Math.Min(_judgesPerEntry, _judgeCount)];
        var bestLoad = new int[best.Length];
        foreach (var e in order)
        {
            FillEntry(e, Target(e) - Count(e), random.Next(_judgeCount), best, bestLoad);
        }
    }

    /// <summary>
    /// Moves unscored assignments along improving paths until none is left. A path runs from a
    /// judge a through an entry a holds (unscored) to a judge b who is eligible for it and not yet
    /// on it, possibly on through entries b holds, ..., to a judge z; shifting every entry one step
    /// along it moves one unit of load from a to z and leaves everyone between unchanged. It
    /// improves when load(z) &lt;= load(a) - 2. With none left the loads are the most even possible
    /// (see docs/decisions/0006-judge-assignment.md).
    /// </summary>
    public void Rebalance()
    {
        var search = new PathSearch(this);
        while (search.RunPass())
        {
        }
    }

    public AssignmentPlan ToPlan(IReadOnlyList<KeyValuePair<Pair, bool>> current)
    {
        var currentPairs = new HashSet<Pair>(current.Select(c => c.Key));
        var assigned = new HashSet<Pair>();
        var kept = new List<Pair>();
        var added = new List<Pair>();
        var shortEntryIds = new List<int>();
        var judgeIds = new List<int>();
        for (var e = 0; e < _entries.Length; e++)
        {
            judgeIds.Clear();
            judgeIds.AddRange(_pinned[e]?.Select(j => _judgeIds[j]) ?? []);
            judgeIds.AddRange(_pinnedAway[e] ?? []);
            judgeIds.AddRange(_movable[e].Select(j => _judgeIds[j]));
            judgeIds.Sort();
            foreach (var judgeId in judgeIds)
            {
                var pair = new Pair(_entries[e].EntryId, judgeId);
                assigned.Add(pair);
                (currentPairs.Contains(pair) ? kept : added).Add(pair);
            }

            if (judgeIds.Count < _judgesPerEntry)
            {
                shortEntryIds.Add(_entries[e].EntryId);
            }
        }

        var removed = current.Select(c => c.Key).Where(p => !assigned.Contains(p)).ToList();
        var loads = new Dictionary<int, int>(_judgeCount);
        for (var j = 0; j < _judgeCount; j++)
        {
            loads.Add(_judgeIds[j], _load[j]);
        }

        return new AssignmentPlan(kept, added, removed, shortEntryIds, loads);
    }

    private int PinnedCount(int e) => (_pinned[e]?.Count ?? 0) + (_pinnedAway[e]?.Count ?? 0);

    private int Count(int e) => PinnedCount(e) + _movable[e].Count;

    /// <summary>min(k, eligible judges), eligible judges counting those off the panel who keep a score; never below the kept scores.</summary>
    private int Target(int e) =>
        Math.Max(PinnedCount(e), Math.Min(_judgesPerEntry, _eligibleCount[e] + (_pinnedAway[e]?.Count ?? 0)));

    private bool IsEligible(int e, int j) =>
        _judgeUnits[j] != _entryUnits[e] && (_conflicts[e] is not { } conflicts || Array.BinarySearch(conflicts, j) < 0);

    private bool Holds(int e, int j) => _movable[e].Contains(j) || (_pinned[e]?.Contains(j) ?? false);

    private bool IsFree(int e, int j) => IsEligible(e, j) && !Holds(e, j);

    private void FillEntry(int e, int need, int start, int[] best, int[] bestLoad)
    {
        // The `need` least-loaded free judges, scanning from a random place in the shuffled order;
        // among equal loads the first one met wins.
        var count = 0;
        for (var i = 0; i < _judgeCount; i++)
        {
            var position = start + i;
            var j = _judgeOrder[position < _judgeCount ? position : position - _judgeCount];
            if (count == need && _load[j] >= bestLoad[need - 1])
            {
                continue;
            }

            if (!IsFree(e, j))
            {
                continue;
            }

            var p = count < need ? count++ : need - 1;
            while (p > 0 && bestLoad[p - 1] > _load[j])
            {
                best[p] = best[p - 1];
                bestLoad[p] = bestLoad[p - 1];
                p--;
            }

            best[p] = j;
            bestLoad[p] = _load[j];
        }

        for (var i = 0; i < count; i++)
        {
            _movable[e].Add(best[i]);
            _movableByJudge[best[i]].Add(e);
            _load[best[i]]++;
        }
    }

    private void Move(int e, int from, int to)
    {
        _movable[e].Remove(from);
        _movable[e].Add(to);
        var entries = _movableByJudge[from];
        var at = entries.IndexOf(e);
        entries[at] = entries[^1];
        entries.RemoveAt(entries.Count - 1);
        _movableByJudge[to].Add(e);
        _load[from]--;
        _load[to]++;
    }

    /// <summary>
    /// Breadth-first search for improving paths, level by level from the highest load down. At
    /// level L the sources are the judges with load at least L and the targets those with load at
    /// most L - 2. What a fruitless level reached is closed: it reaches no target of that level nor
    /// of any lower one, and no later path runs through it, so it is never searched again in the
    /// pass. A pass that moves nothing proves no improving path exists.
    /// </summary>
    private sealed class PathSearch(AssignmentBoard board)
    {
        private readonly AssignmentBoard _board = board;
        private readonly int[] _judgeMark = new int[board._judgeCount];
        private readonly int[] _entryMark = new int[board._entries.Length];
        private readonly int[] _judgeVia = new int[board._judgeCount];
        private readonly int[] _entryVia = new int[board._entries.Length];
        private readonly List<int> _judges = [];
        private readonly List<int> _entries = [];
        private int _stamp;

        public bool RunPass()
        {
            var load = _board._load;
            if (load.Length == 0)
            {
                return false;
            }

            var moved = false;
            var closed = ++_stamp;
            var level = load.Max();
            while (level >= load.Min() + 2)
            {
                var target = Search(level, closed);
                if (target >= 0)
                {
                    Shift(target);
                    moved = true;
                    continue;
                }

                foreach (var j in _judges)
                {
                    _judgeMark[j] = closed;
                }

                foreach (var e in _entries)
                {
                    _entryMark[e] = closed;
                }

                level--;
            }

            return moved;
        }

        private int Search(int level, int closed)
        {
            var board = _board;
            var mark = ++_stamp;
            _judges.Clear();
            _entries.Clear();
            for (var j = 0; j < board._judgeCount; j++)
            {
                if (board._load[j] >= level && _judgeMark[j] != closed)
                {
                    _judgeMark[j] = mark;
                    _judgeVia[j] = NoEntry;
                    _judges.Add(j);
                }
            }

            for (var head = 0; head < _judges.Count; head++)
            {
                foreach (var e in board._movableByJudge[_judges[head]])
                {
                    if (_entryMark[e] == mark || _entryMark[e] == closed)
                    {
                        continue;
                    }

                    _entryMark[e] = mark;
                    _entryVia[e] = _judges[head];
                    _entries.Add(e);
                    foreach (var j in board._judgeOrder)
                    {
                        if (_judgeMark[j] == mark || _judgeMark[j] == closed || !board.IsFree(e, j))
                        {
                            continue;
                        }

                        _judgeMark[j] = mark;
                        _judgeVia[j] = e;
                        _judges.Add(j);
                        if (board._load[j] <= level - 2)
                        {
                            return j;
                        }
                    }
                }
            }

            return -1;
        }

        private void Shift(int target)
        {
            var to = target;
            while (_judgeVia[to] != NoEntry)
            {
                var e = _judgeVia[to];
                var from = _entryVia[e];
                _board.Move(e, from, to);
                to = from;
            }
        }
    }
}
