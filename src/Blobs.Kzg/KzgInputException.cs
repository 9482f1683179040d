namespace Blobs.Kzg;

/// <summary>
/// Thrown when an input to a KZG function is invalid (wrong length, non-canonical field element,
/// bad point encoding, point not in the subgroup, bad cell index…). A proof that is well-formed but
/// does not verify is never an exception: the verify functions return <c>false</c>.
/// </summary>
public class KzgInputException : ArgumentException
{
    /// <summary>Creates the exception with a message that names what is wrong.</summary>
    public KzgInputException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the name of the offending parameter.</summary>
    public KzgInputException(string message, string? paramName) : base(message, paramName) { }
}
