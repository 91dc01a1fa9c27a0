using StyleForge.Engine.Options;

namespace StyleForge.Host.Pipelines;

/// <summary>Thrown when a pipeline does not validate; carries every error found, not just the first.</summary>
internal sealed class PipelineValidationException : Exception
{
    public PipelineValidationException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<InputError> Errors { get; }
}
