namespace Awards.Core.Anonymization;

/// <summary>
/// The judge rendition of a text: <see cref="Text"/> with every identifying match replaced by
/// <see cref="Redactor.Mark"/>, how many marks were placed, and which kinds of terms were hit
/// (in enum order). When nothing matched, <see cref="Text"/> is the very string that was given.
/// </summary>
public sealed record Redaction(string Text, int Count, IReadOnlyCollection<RedactionKind> Kinds)
{
    /// <summary>Whether anything was redacted: the entry should be flagged for the organizer.</summary>
    public bool Any => Count > 0;
}
