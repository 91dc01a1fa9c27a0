using StyleForge.Engine.Options;

namespace StyleForge.Host.Pipelines;

/// <summary>
/// One <c>--set KEY=VALUE</c> argument. Every verb that takes <c>--set</c> and <c>run</c>/<c>validate</c> parse it
/// here, so the same mistake gets the same error everywhere; a pipeline then reads KEY as STEP.KEY or a top-level key.
/// </summary>
internal sealed record SetArgument(string Key, string Value, SourceLocation Where)
{
    /// <summary>The argument, or null after adding an error located on the command line.</summary>
    public static SetArgument? Parse(string setting, List<InputError> errors)
    {
        var where = SourceLocation.CommandLine($"--set {setting}");
        var equals = setting.IndexOf('=');
        var key = equals < 0 ? "" : setting[..equals].Trim();
        if (key.Length == 0)
        {
            errors.Add(new(where, "expected KEY=VALUE, for example iterations=2000 (in a pipeline STEP.KEY=VALUE sets a step's key, for example train.iterations=2000)"));
            return null;
        }
        return new SetArgument(key, setting[(equals + 1)..].Trim(), where);
    }
}
