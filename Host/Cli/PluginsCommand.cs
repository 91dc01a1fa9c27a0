using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Engine;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Options;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary><c>styleforge plugins</c>: what is installed, and what each plugin accepts.</summary>
internal sealed class PluginsCommand : Command<PluginsCommand.Settings>
{
    private readonly HostConsole _console;

    public PluginsCommand(HostConsole console) => _console = console;

    public sealed class Settings : PluginSettings
    {
        [CommandOption("--json")]
        [Description("Print the catalog as JSON on stdout. Example: --json")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var catalog = settings.LoadCatalog(_console);
        if (settings.Json)
        {
            _console.Output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
            {
                host_api = PluginVersionPolicy.HostVersion.ToString(),
                plugins = catalog.Plugins.Select(p => new
                {
                    name = p.Name,
                    version = p.Descriptor.Version,
                    api = p.Descriptor.ApiVersion.ToString(),
                    description = p.Descriptor.Description,
                    path = p.AssemblyPath,
                    origin = p.Origin,
                    options = p.Descriptor.Options.Select(o => new
                    {
                        name = o.Name,
                        type = o.Type.ToString().ToLowerInvariant(),
                        @default = o.Default,
                        choices = o.Choices,
                        minimum = o.Minimum,
                        maximum = o.Maximum,
                        description = o.Description,
                    }),
                }),
                failures = catalog.Failures.Select(f => new { name = f.Name, path = f.AssemblyPath, reason = f.Reason }),
            }, JsonOptions.Indented));
            return catalog.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }

        foreach (var plugin in catalog.Plugins)
        {
            var d = plugin.Descriptor;
            _console.Output.MarkupLine($"[bold]{Markup.Escape(d.Name)}[/] {Markup.Escape(d.Version)} (plugin API {d.ApiVersion}) - {Markup.Escape(d.Description)}");
            _console.Output.MarkupLine($"  [grey]{Markup.Escape(plugin.AssemblyPath)} (from {Markup.Escape(plugin.Origin)})[/]");
            var table = new Table().Border(TableBorder.Simple).AddColumns("option", "type", "default", "description");
            foreach (var o in d.Options)
            {
                table.AddRow(Markup.Escape(o.Name), Markup.Escape(PluginOptionBinder.Describe(o)),
                    Markup.Escape(o.Default.Length == 0 ? "(unset)" : o.Default), Markup.Escape(o.Description));
            }
            _console.Output.Write(table);
        }
        if (catalog.Plugins.Count == 0)
        {
            _console.Warn("no plugins found; build the solution or add a folder with --plugins or STYLEFORGE_PLUGIN_PATH");
        }
        foreach (var failure in catalog.Failures)
        {
            _console.Fail($"plugin '{failure.Name}' ({failure.AssemblyPath}) was refused, because {failure.Reason}");
        }
        return catalog.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
