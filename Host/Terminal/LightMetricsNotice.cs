using StyleForge.Engine.Evaluation;

namespace StyleForge.Host.Terminal;

/// <summary>Says when the light metrics could not be computed, so PSNR/SSIM alone are not mistaken for the full picture.</summary>
internal static class LightMetricsNotice
{
    public static void Show(HostConsole console, ScoredSet set, string truthDirectory, string? lightDirectory)
    {
        if (lightDirectory is null)
        {
            console.Info($"no light masks for {truthDirectory} (no --lights/'lights' and no testB_lights beside it): PSNR and SSIM only; " +
                "lit-window F1, glow error and checkerboard need the masks that 'styleforge sample daynight' writes");
        }
        else if (set.Light is null)
        {
            console.Warn($"{lightDirectory} holds no light mask for any scored image (expected <name>.json per truth): PSNR and SSIM only");
        }
        else if (set.Light.Images < set.Images.Count)
        {
            console.Warn($"{set.Images.Count - set.Light.Images} of {set.Images.Count} scored image(s) have no light mask in {lightDirectory}; the light metrics cover the other {set.Light.Images}");
        }
    }
}
