namespace StyleForge.Engine.Options;

/// <summary>Where a value came from: file:line:column, or a command-line override.</summary>
public readonly record struct SourceLocation(string Origin, long Line, long Column)
{
    public static SourceLocation CommandLine(string argument) => new(argument, 0, 0);

    public override string ToString() => Line > 0 ? $"{Origin}:{Line}:{Column}" : Origin;
}

/// <summary>One problem in what a user wrote (a pipeline file, a command-line option), located and phrased for people.</summary>
public sealed record InputError(SourceLocation Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
