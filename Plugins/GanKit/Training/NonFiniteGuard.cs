namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// The retry policy for updates with non-finite values: each is skipped and the iteration retried with the next batch,
/// until too many in a row (the run is stuck: the next batch will not help) or too many in all (the run is unsound).
/// Skipping rather than rolling back to a checkpoint: a rejected update changed nothing, so the current weights are
/// exactly as good as the checkpoint's, and nothing trained since then is thrown away.
/// </summary>
internal sealed class NonFiniteGuard
{
    /// <summary>A batch that is fine at a healthy state almost always follows a bad one; five bad in a row is a pattern.</summary>
    public const int MaxInARow = 5;

    private readonly long _maxInAll;
    private int _inARow;

    /// <summary>Allows 1% of <paramref name="totalIterations"/> (at least 10) rejected updates in all.</summary>
    public NonFiniteGuard(long totalIterations) => _maxInAll = Math.Max(10, totalIterations / 100);

    /// <summary>Updates rejected so far.</summary>
    public long Rejected { get; private set; }

    /// <summary>Records a rejected update; returns the reason to stop training, or null to retry.</summary>
    public string? Reject(long iteration, string what)
    {
        _inARow++;
        Rejected++;
        if (_inARow >= MaxInARow)
        {
            return $"training stopped at iteration {iteration}: {_inARow} updates in a row had non-finite values (the last: {what}).";
        }
        if (Rejected > _maxInAll)
        {
            return $"training stopped at iteration {iteration}: {Rejected} updates in all had non-finite values, more than the {_maxInAll} allowed (the last: {what}).";
        }
        return null;
    }

    /// <summary>Records an applied update.</summary>
    public void Accept() => _inARow = 0;
}
