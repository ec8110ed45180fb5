namespace Awards.Core.Uploads;

/// <summary>
/// An uploaded Word document in the canonical form (<see cref="DocxConverter"/>): the title, the
/// body as Markdown, and what was left out, as <see cref="DocxWarnings"/> keys.
/// </summary>
/// <param name="Title">The text of the first paragraph if it is styled Title or Heading 1; null otherwise.</param>
/// <param name="Markdown">The body without the title, "\n" newlines, no trailing newline.</param>
/// <param name="Warnings">Distinct <see cref="DocxWarnings"/> keys, in the order first met.</param>
public sealed record ConvertedDocument(string? Title, string Markdown, IReadOnlyList<string> Warnings);
