using StyleForge.Engine.Options;

namespace StyleForge.Host.Cli;

/// <summary>Parses repeated <c>--set KEY=VALUE</c> arguments into option inputs located on the command line.</summary>
internal static class SetArguments
{
    public static List<OptionInput> Parse(IEnumerable<string> settings, List<InputError> errors)
    {
        var inputs = new List<OptionInput>();
        foreach (var setting in settings)
        {
            var where = SourceLocation.CommandLine($"--set {setting}");
            var equals = setting.IndexOf('=');
            if (equals <= 0)
            {
                errors.Add(new(where, "expected KEY=VALUE, for example iterations=2000"));
                continue;
            }
            inputs.Add(new OptionInput(setting[..equals].Trim(), setting[(equals + 1)..].Trim(), where));
        }
        return inputs;
    }
}
