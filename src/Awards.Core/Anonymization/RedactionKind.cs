namespace Awards.Core.Anonymization;

public enum RedactionKind
{
    Name,
    Email,
    Phone,
    Unit,
}
