namespace Logistics.Gxp;

/// <summary>
/// Input the engine cannot assess: a profile, readings file or shipment description that is malformed.
/// <see cref="Input"/> names which input ("profile", "readings", "shipment"), <see cref="Location"/> where in it
/// (a JSON path or a line), and <see cref="Message"/> says what was expected, in one line.
/// </summary>
public sealed record GxpInputError(string Input, string Location, string Message);

/// <summary>
/// What a GxP parser returns: the value, or the first error found. Bad input is an expected outcome of reading what a
/// user sent, so it is a result here, never an exception used for control flow.
/// </summary>
public sealed class GxpResult<T> where T : class
{
    GxpResult(T? value, GxpInputError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The parsed value; null exactly when <see cref="Error"/> is set.</summary>
    public T? Value { get; }

    /// <summary>The first problem found, or null.</summary>
    public GxpInputError? Error { get; }

    public bool Succeeded => Error is null;

    public static GxpResult<T> Ok(T value) => new(value, null);

    public static GxpResult<T> Failed(GxpInputError error) => new(null, error);

    public static implicit operator GxpResult<T>(T value) => Ok(value);

    public static implicit operator GxpResult<T>(GxpInputError error) => Failed(error);

    /// <summary>The value, for input the program itself wrote (embedded profiles, stored versions): a failure there is a bug.</summary>
    public T ValueOrThrow() => Value ?? throw new GxpInputException(Error!);

    /// <summary>This result's error as another result type (to pass a failure up).</summary>
    public GxpResult<TOther> As<TOther>() where TOther : class => GxpResult<TOther>.Failed(Error!);
}

/// <summary>Thrown only by <see cref="GxpResult{T}.ValueOrThrow"/>: input the program trusted was malformed.</summary>
public sealed class GxpInputException(GxpInputError error) : Exception(error.Message)
{
    public GxpInputError Error { get; } = error;
}
