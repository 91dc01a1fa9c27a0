namespace StyleForge.Engine.Conversion;

/// <summary>The files of one run with their decisions, plus how many files the globs or the shard left out.</summary>
public sealed record ConversionPlan(IReadOnlyList<PlannedTexture> Textures, int NotSelected, int OtherShards, ConversionManifest Manifest, string ModelHash, string OptionsHash)
{
    public IEnumerable<PlannedTexture> ToConvert => Textures.Where(t => t.Action == PlannedAction.Convert);
}
