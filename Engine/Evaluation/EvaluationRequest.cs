namespace StyleForge.Engine.Evaluation;

/// <summary>One folder of predictions to score against the truth; built by the evaluate verb and the evaluate step through one builder.</summary>
/// <param name="Name">The name the scores carry (the model's, or a baseline's).</param>
/// <param name="Predictions">Folder of converted textures, matched to the truth by relative path.</param>
/// <param name="Truth">Folder of the true results.</param>
/// <param name="Lights">Folder of the truth's light masks, or null for PSNR and SSIM only.</param>
public sealed record EvaluationRequest(string Name, string Predictions, string Truth, string? Lights);
