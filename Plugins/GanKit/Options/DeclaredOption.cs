using System.Globalization;

namespace StyleForge.Plugins.GanKit.Options;

/// <summary>
/// One option, declared once: what the host sees (<see cref="Option"/>: name, type, default, range, description) and
/// what the plugin needs to know about it (whether a checkpoint must agree on it to be resumed, whether inference reads
/// it). The typed settings read values through it, and the resume check and the descriptor are derived from it, so a
/// new option is written in one place.
/// </summary>
internal abstract class DeclaredOption
{
    private protected DeclaredOption(PluginOption option, OptionUse use, DeclaredOption? replacedBy)
    {
        Option = option;
        Use = use;
        ReplacedBy = replacedBy;
    }

    /// <summary>The option as the contract describes it to hosts.</summary>
    public PluginOption Option { get; }

    /// <summary>Who reads the option, and whether a resumed run must keep it.</summary>
    public OptionUse Use { get; }

    /// <summary>An option that, when set, makes this one irrelevant (iterations replaces the epoch schedule).</summary>
    public DeclaredOption? ReplacedBy { get; }

    public string Name => Option.Name;

    /// <summary>
    /// The value a checkpoint and the current run must share, in one canonical spelling ("0.0002" and "2e-4" are the
    /// same learning rate). A value the checkpoint does not hold is the default: the option did not exist when it was written.
    /// </summary>
    public string ResumeValue(OptionValues values)
    {
        if (ReplacedBy is { } replacement && values.IsSet(replacement.Name))
        {
            return $"(replaced by {replacement.Name})";
        }
        var text = RawText(values);
        return text.Length == 0 ? "(not set)" : Canonical(text);
    }

    /// <summary>The user's text, or the default when the values predate the option.</summary>
    private protected string RawText(OptionValues values) => values.All.TryGetValue(Name, out var text) ? text : Option.Default;

    private protected abstract string Canonical(string text);

    public static DeclaredOption<long> Integer(PluginOption option, OptionUse use, DeclaredOption? replacedBy = null) =>
        new(option, use, replacedBy, t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture), v => v.ToString(CultureInfo.InvariantCulture));

    public static DeclaredOption<double> Number(PluginOption option, OptionUse use) =>
        new(option, use, null, t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture), v => v.ToString("R", CultureInfo.InvariantCulture));

    public static DeclaredOption<bool> Boolean(PluginOption option, OptionUse use) =>
        new(option, use, null, bool.Parse, v => v ? "true" : "false");

    public static DeclaredOption<string> Choice(PluginOption option, OptionUse use) => new(option, use, null, t => t, v => v);
}

/// <summary>A declared option whose value reads as <typeparamref name="T"/>.</summary>
internal sealed class DeclaredOption<T> : DeclaredOption
{
    private readonly Func<string, T> _parse;
    private readonly Func<T, string> _format;

    internal DeclaredOption(PluginOption option, OptionUse use, DeclaredOption? replacedBy, Func<string, T> parse, Func<T, string> format)
        : base(option, use, replacedBy)
    {
        _parse = parse;
        _format = format;
    }

    /// <summary>The value (the default when the values predate the option). An optional option left empty has none: check <see cref="IsEmpty"/> first.</summary>
    public T Read(OptionValues values) => _parse(RawText(values));

    /// <summary>True when an optional option is left empty, which means "not set".</summary>
    public bool IsEmpty(OptionValues values) => RawText(values).Length == 0;

    private protected override string Canonical(string text) => _format(_parse(text));
}
