using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Host.Cli;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;
using Xunit;
using Xunit.Abstractions;

namespace StyleForge.Host.Tests;

/// <summary>
/// Mutation test of the pipeline loader: thousands of broken variants of the shipped pipelines and of small synthetic
/// ones must each load, or be refused with errors that all name file:line:column. Any other exception is a crash.
/// The cases come from a fixed seed, so a run is repeatable; a failure prints the seed of the case, and
/// STYLEFORGE_FUZZ_SEED=SEED replays that case alone (STYLEFORGE_FUZZ_CASES=N runs more cases).
/// </summary>
public sealed class PipelineLoaderFuzzTests : IDisposable
{
    /// <summary>The fixed generator every run starts from; its printed form is the seed of the first case.</summary>
    private static PCG FixedStart() => new(stream: 17, seed: 20261201);
    private const int DefaultCases = 4000;
    private const string Punctuation = "[]{}:,&*!|>'\"#-?%@`";

    private static readonly string[] Synthetic =
    {
        "name: tiny\nsteps:\n  - kind: sample\n    size: 32\n",
        "name: flow\nsteps: [{kind: sample, out: '{run}/d'}, {kind: train, a: '{run}/d/trainA', b: '{run}/d/trainB', options: {iterations: 2}}]\n",
        "name: anchors\nsteps:\n  - &s {kind: sample, count: 2}\n  - *s\n",
        "name: conv\nsteps:\n  - kind: convert\n    plugin: colortransfer\n    input: .\n    output: out\n    include: ['*.png', '**/a/*']\n    shard: 1/2\n    skip_suffixes: [_n, '_spec=specular map']\n    options:\n      strength: 0.5\n",
        "name: block\ndescription: |\n  text\n  more\nsteps:\n  - kind: preview\n    before: .\n    mode: side\n",
    };

    private readonly TempFolder _temp = new();
    private readonly ITestOutputHelper _log;

    public PipelineLoaderFuzzTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _temp.Dispose();

    /// <summary>One edit of a text; the integers pick positions and characters modulo the text's size.</summary>
    private sealed record Edit(int Operation, uint At, uint Other, int Pick);

    private sealed record Mutant(int Base, Edit[] Edits);

    private static readonly Gen<Mutant> Mutants =
        Gen.Select(Gen.Int[0, 1000], Gen.Select(Gen.Int[0, 9], Gen.UInt, Gen.UInt, Gen.Int[0, 1000], (o, a, b, p) => new Edit(o, a, b, p)).Array[1, 4],
            (b, edits) => new Mutant(b, edits));

    [Fact]
    public void Mutated_pipelines_load_or_fail_with_located_errors_and_never_crash()
    {
        var bases = Directory.GetFiles(Path.Combine(RepoLayout.Root, "pipelines"), "*.yaml").Order()
            .Select(File.ReadAllText).Concat(Synthetic).ToArray();
        var replay = Environment.GetEnvironmentVariable("STYLEFORGE_FUZZ_SEED");
        var cases = replay is null ? int.Parse(Environment.GetEnvironmentVariable("STYLEFORGE_FUZZ_CASES") ?? DefaultCases.ToString()) : 1;
        using var catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });
        var loader = new PipelineLoader(StepKinds.All, catalog);
        var file = _temp.Combine("mutant.yaml");
        var next = replay is null ? FixedStart() : PCG.Parse(replay);
        var (loaded, refused) = (0, 0);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var seed = next.ToString();
            var mutant = Mutants.Generate(next, null, out _);
            var bytes = Apply(bases[mutant.Base % bases.Length], mutant.Edits);
            File.WriteAllBytes(file, bytes);
            var text = Encoding.UTF8.GetString(bytes);
            try
            {
                loader.Load(file, Array.Empty<string>());
                loaded++;
            }
            catch (PipelineValidationException ex)
            {
                refused++;
                Assert.True(ex.Errors.Count > 0, $"case {i}, seed {seed}: refused without saying why\n--- input ---\n{text}");
                var unlocated = ex.Errors.FirstOrDefault(e => e.Where.Origin != file || e.Where.Line < 1 || e.Where.Column < 1);
                Assert.True(unlocated is null,
                    $"case {i}, seed {seed} (replay: STYLEFORGE_FUZZ_SEED={seed}): error without file:line:column: {unlocated}\n--- input ---\n{text}");
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i}, seed {seed} (replay: STYLEFORGE_FUZZ_SEED={seed}): the loader crashed: {ex}\n--- input ---\n{text}");
            }
        }
        _log.WriteLine($"{cases} mutants from seed {replay ?? FixedStart().ToString()}: {loaded} loaded, {refused} refused with located errors, in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        // Mutations that never break anything would test nothing.
        Assert.True(cases == 1 || refused > cases / 4, $"only {refused} of {cases} mutants were refused");
    }

    [Fact]
    public void Mutated_pipelines_through_styleforge_validate_exit_0_or_2_with_located_errors()
    {
        var bases = Directory.GetFiles(Path.Combine(RepoLayout.Root, "pipelines"), "*.yaml").Order().Select(File.ReadAllText).ToArray();
        var next = FixedStart();
        for (var i = 0; i < 40; i++)
        {
            var seed = next.ToString();
            var mutant = Mutants.Generate(next, null, out _);
            var file = _temp.Combine($"cli{i}.yaml");
            File.WriteAllBytes(file, Apply(bases[mutant.Base % bases.Length], mutant.Edits));
            var error = new TestConsole().Width(400);

            var exit = StyleForgeApp.Create(new HostConsole(error, new TestConsole()))
                .Run(StyleForgeApp.NormalizeArguments(["validate", file, "--plugins", RepoLayout.HostPlugins]));

            var unlocated = error.Output.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal))
                .FirstOrDefault(l => !Regex.IsMatch(l, $@"^error: {Regex.Escape(file)}:[1-9]\d*:[1-9]\d*: "));
            Assert.True(exit is 0 or 2 && unlocated is null && (exit == 0 || error.Output.Contains("nothing was run")),
                $"case {i}, seed {seed}: exit {exit}, {unlocated}\n{error.Output}");
        }
    }

    /// <summary>
    /// Applies character and line edits (delete, duplicate, swap lines, insert YAML punctuation, tabs, unicode, truncate),
    /// then the byte edits to the UTF-8 file, as a damaged file would have them.
    /// </summary>
    private static byte[] Apply(string text, Edit[] edits)
    {
        foreach (var edit in edits.Where(e => e.Operation != 8))
        {
            var lines = text.Split('\n').ToList();
            var at = text.Length == 0 ? 0 : (int)(edit.At % (uint)text.Length);
            var line = (int)(edit.At % (uint)lines.Count);
            var other = (int)(edit.Other % (uint)lines.Count);
            text = edit.Operation switch
            {
                0 => text.Remove(at, Math.Min(text.Length - at, 1 + (int)(edit.Other % 8))),
                1 => text.Insert(at, Punctuation[edit.Pick % Punctuation.Length].ToString()),
                2 => text.Insert(at, edit.Pick % 3 == 0 ? "\t" : edit.Pick % 3 == 1 ? "\u00e9\u4e2d\U0001F600" : "\0\uFEFF\u200B"),
                3 => string.Join('\n', Swap(lines, line, other)),
                4 => string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1))),
                5 => string.Join('\n', lines.Where((_, index) => index != line)),
                6 => text[..at],
                7 => string.Join('\n', lines.Select((l, index) => index == line ? Indent(l, edit.Pick) : l)),
                _ => text.Insert(at, new[] { ": [", "{", ": &a ", " *a", "\n  - ", ": |\n", " !!int ", "<<: *a" }[edit.Pick % 8]),
            };
        }
        // A deletion may split a surrogate pair; the encoder writes U+FFFD for the half, as an editor would.
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var edit in edits.Where(e => e.Operation == 8 && bytes.Length > 0))
        {
            bytes[edit.At % (uint)bytes.Length] = (byte)(edit.Pick % 256);
        }
        return bytes;
    }

    private static List<string> Swap(List<string> lines, int a, int b)
    {
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return lines;
    }

    private static string Indent(string line, int pick) => pick % 2 == 0 ? new string(' ', 1 + pick % 5) + line : line.TrimStart();
}
