using System.Globalization;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// A test hook: STYLEFORGE_FAULT_NONFINITE_GRADIENT lists update attempts (1-based, counted from the start of this
/// process's run, retries included), as "3" or "3,7" or "3-9", whose generator gradient is overwritten with NaN, so
/// tests can drive the non-finite guard end to end without a faulty CPU. Unset, it does nothing.
/// </summary>
internal sealed class FaultInjection
{
    public const string Variable = "STYLEFORGE_FAULT_NONFINITE_GRADIENT";

    private readonly HashSet<long> _attempts;
    private long _attempt;

    private FaultInjection(HashSet<long> attempts) => _attempts = attempts;

    /// <summary>Faults at the given 1-based update <paramref name="attempts"/>, for tests that drive an iteration directly.</summary>
    public static FaultInjection At(params long[] attempts) => new([.. attempts]);

    /// <summary>The faults the environment asks for; throws <see cref="PluginException"/> for a malformed list.</summary>
    public static FaultInjection FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        var attempts = new HashSet<long>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-');
            if (bounds.Length > 2 || !bounds.All(b => long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new PluginException($"{Variable}='{text}': expected attempt numbers such as 3, 3,7 or 3-9");
            }
            var first = long.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = long.Parse(bounds[^1], CultureInfo.InvariantCulture);
            for (var attempt = first; attempt <= last; attempt++)
            {
                attempts.Add(attempt);
            }
        }
        return new FaultInjection(attempts);
    }

    /// <summary>Counts one update attempt and, when it is listed, puts a NaN into the first gradient of <paramref name="network"/>.</summary>
    public void AfterBackward(nn.Module network)
    {
        _attempt++;
        if (_attempts.Contains(_attempt))
        {
            using var _ = no_grad();
            network.parameters().First().grad?.view(-1)[0].fill_(float.NaN);
        }
    }
}
