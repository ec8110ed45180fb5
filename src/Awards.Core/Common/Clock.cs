namespace Awards.Core.Common;

/// <summary>Deadlines are enforced against this clock so that tests can move time.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public DateTime UtcNow => DateTime.UtcNow;
}
