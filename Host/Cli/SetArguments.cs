using StyleForge.Engine.Options;
using StyleForge.Host.Pipelines;

namespace StyleForge.Host.Cli;

/// <summary>Parses repeated <c>--set KEY=VALUE</c> arguments of a verb into plugin option inputs located on the command line.</summary>
internal static class SetArguments
{
    public static List<OptionInput> Parse(IEnumerable<string> settings, List<InputError> errors) =>
        settings.Select(s => SetArgument.Parse(s, errors)).OfType<SetArgument>()
            .Select(s => new OptionInput(s.Key, s.Value, s.Where)).ToList();
}
