namespace Awards.Core.Common;

/// <summary>
/// An illegal state change or a broken rule. <see cref="MessageKey"/> is a localization key (the
/// English text); the web layer translates it and formats it with <see cref="Arguments"/>.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string messageKey, params object[] arguments)
        : base(string.Format(System.Globalization.CultureInfo.InvariantCulture, messageKey, arguments))
    {
        MessageKey = messageKey;
        Arguments = arguments;
    }

    public DomainException()
        : this("The operation is not allowed.")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        MessageKey = message;
        Arguments = [];
    }

    public string MessageKey { get; } = string.Empty;

    public IReadOnlyList<object> Arguments { get; } = [];
}
