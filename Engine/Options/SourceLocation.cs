namespace StyleForge.Host.Pipelines;

/// <summary>Where a value came from: file:line:column, or a command-line override.</summary>
internal readonly record struct SourceLocation(string Origin, long Line, long Column)
{
    public static SourceLocation CommandLine(string argument) => new(argument, 0, 0);

    public override string ToString() => Line > 0 ? $"{Origin}:{Line}:{Column}" : Origin;
}

/// <summary>One problem in a pipeline, located and phrased for people.</summary>
internal sealed record PipelineError(SourceLocation Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>Thrown when a pipeline does not validate; carries every error found, not just the first.</summary>
internal sealed class PipelineValidationException : Exception
{
    public PipelineValidationException(IReadOnlyList<PipelineError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<PipelineError> Errors { get; }
}
