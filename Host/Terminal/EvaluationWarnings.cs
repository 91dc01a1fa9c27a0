using StyleForge.Engine.Evaluation;

namespace StyleForge.Host.Terminal;

/// <summary>Tells the user which files were left out of a score and why.</summary>
internal static class EvaluationWarnings
{
    private const int Listed = 5;

    public static void Show(HostConsole console, ScoredSet set)
    {
        if (set.UnmatchedPredictions.Count > 0)
        {
            console.Warn($"{set.Name}: {set.UnmatchedPredictions.Count} file(s) in {set.PredictionDirectory} have no truth at the same relative path: {List(set.UnmatchedPredictions)}");
        }
        if (set.UnmatchedTruth.Count > 0)
        {
            console.Warn($"{set.Name}: {set.UnmatchedTruth.Count} truth file(s) in {set.TruthDirectory} have no prediction: {List(set.UnmatchedTruth)}");
        }
        foreach (var failure in set.Failures)
        {
            console.Fail($"{set.Name}: {failure.Path}: {failure.Reason}");
        }
    }

    private static string List(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(Listed)) + (paths.Count > Listed ? $" and {paths.Count - Listed} more" : "");
}
