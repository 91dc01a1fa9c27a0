using StyleForge.Engine.Sampling;

namespace StyleForge.Host.Requests;

/// <summary>
/// The one place the parameters of a sample set are assembled, for the sample verb and the sample step alike.
/// <see cref="Build"/> throws <see cref="ArgumentException"/> naming the value that is out of range.
/// </summary>
internal static class SampleRequestBuilder
{
    public static SampleParameters Build(string kind, long size, long count, long testCount, long seed)
    {
        if (kind != DayNightSample.Kind)
        {
            throw new ArgumentException($"unknown sample kind '{kind}'; the built-in kind is '{DayNightSample.Kind}'");
        }
        // Checked before narrowing: a value past int's range must not wrap around into a valid-looking one.
        var parameters = new SampleParameters(Narrow(size), Narrow(count), Narrow(testCount), seed is >= int.MinValue and <= int.MaxValue
            ? (int)seed : throw new ArgumentException($"seed must be a 32-bit whole number, got {seed}"));
        return parameters.Problem() is { } problem ? throw new ArgumentException(problem) : parameters;
    }

    /// <summary>Values past int's range become int.MaxValue, which every range check refuses by name.</summary>
    private static int Narrow(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
