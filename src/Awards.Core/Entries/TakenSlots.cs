namespace Awards.Core.Entries;

/// <summary>
/// The quota slots that other entries of the same track already hold, for the entry's unit and
/// for its owner. Read them inside the same immediate transaction that saves the submission.
/// </summary>
public sealed record TakenSlots(IReadOnlyCollection<int> ByUnit, IReadOnlyCollection<int> ByOwner)
{
    public static readonly TakenSlots None = new([], []);
}
