namespace StyleForge.Viewer.Tests;

public sealed class ShaderBuildTests
{
    [Fact]
    public void Committed_spirv_matches_a_fresh_compile_of_the_glsl()
    {
        // Given glslangValidator (CI installs glslang-tools)
        Assert.True(ExternalTool.IsInstalled("glslangValidator"),
            "glslangValidator is not installed; install glslang-tools (apt-get install glslang-tools) to check the shaders.");
        var output = Directory.CreateTempSubdirectory("styleforge-shaders-");
        try
        {
            // When Viewer/Shaders/compile.sh rebuilds every shader into a temporary folder
            var script = Path.Combine(RepositoryFiles.ShaderFolder, "compile.sh");
            var (exitCode, log) = ExternalTool.Run("sh", [script, output.FullName]);
            Assert.True(exitCode == 0, $"compile.sh failed: {log}");

            // Then each result equals the committed .spv byte for byte
            var fresh = output.GetFiles("*.spv");
            Assert.NotEmpty(fresh);
            foreach (var file in fresh)
            {
                var committed = Path.Combine(RepositoryFiles.ShaderFolder, file.Name);
                Assert.True(File.Exists(committed), $"{file.Name} is not committed; run Viewer/Shaders/compile.sh and commit it.");
                Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(file.FullName)),
                    $"Viewer/Shaders/{file.Name} is stale; run Viewer/Shaders/compile.sh and commit the result.");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
