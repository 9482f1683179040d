namespace Blobs.Journal;

/// <summary>A journal file does not parse: the message names the file or field and what is wrong.</summary>
public sealed class JournalFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public JournalFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
