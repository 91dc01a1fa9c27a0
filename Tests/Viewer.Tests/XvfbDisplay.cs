using System.Diagnostics;

namespace StyleForge.Viewer.Tests;

/// <summary>
/// A private Xvfb server for the window tests, started on first use. Xvfb picks a free
/// display number itself (-displayfd), so parallel test runs never collide, and the
/// screenshots only ever contain this suite's window.
/// </summary>
public sealed class XvfbDisplay : IDisposable
{
    public const int ScreenWidth = 640;
    public const int ScreenHeight = 480;

    private readonly Lazy<string> _name;
    private Process? _server;

    public XvfbDisplay()
    {
        _name = new Lazy<string>(Start);
    }

    /// <summary>The display name, such as ":42".</summary>
    public string Name => _name.Value;

    public void Dispose()
    {
        if (_server is null)
        {
            return;
        }
        _server.Kill();
        _server.WaitForExit();
        _server.Dispose();
    }

    private string Start()
    {
        var info = new ProcessStartInfo("Xvfb")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -noreset: by default the server resets whenever its last client leaves, and a
        // viewer or xdotool connecting during that reset fails.
        foreach (var argument in new[] { "-displayfd", "1", "-noreset", "-screen", "0", $"{ScreenWidth}x{ScreenHeight}x24", "-nolisten", "tcp" })
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            _server = Process.Start(info) ?? throw new InvalidOperationException("Xvfb did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The window tests need Xvfb: install xvfb (apt-get install xvfb).", e);
        }
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginErrorReadLine();
        // Xvfb writes the display number it chose once it accepts connections.
        var number = _server.StandardOutput.ReadLine();
        if (string.IsNullOrWhiteSpace(number))
        {
            throw new InvalidOperationException("Xvfb exited without reporting a display number.");
        }
        return ":" + number.Trim();
    }
}
