namespace Awards.Core.Entries;

public enum Gender
{
    Female,
    Male,
}

/// <summary>The person a nomination is for (organisations are nominated by their unit instead).</summary>
public sealed record Nominee(string Name, Gender Gender, int BirthYear, string Position, string Contact);
