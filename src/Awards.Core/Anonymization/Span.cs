namespace Awards.Core.Anonymization;

/// <summary>A match in the original text, from <see cref="Start"/> up to but not including <see cref="End"/>.</summary>
internal readonly record struct Span(int Start, int End, RedactionKind Kind);
