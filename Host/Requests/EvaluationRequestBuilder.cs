using StyleForge.Engine.Evaluation;
using StyleForge.Engine.Sampling;

namespace StyleForge.Host.Requests;

/// <summary>
/// The one place an <see cref="EvaluationRequest"/> is assembled, for the evaluate verb and the evaluate step alike:
/// paths become absolute, and without a light-mask folder the one a sample set keeps beside its truth is used.
/// </summary>
internal static class EvaluationRequestBuilder
{
    public static EvaluationRequest Build(string name, string predictions, string truth, string? lights)
    {
        var truthDirectory = Path.GetFullPath(truth);
        return new EvaluationRequest(name, Path.GetFullPath(predictions), truthDirectory,
            lights is null ? DayNightSample.LightsBeside(truthDirectory) : Path.GetFullPath(lights));
    }
}
