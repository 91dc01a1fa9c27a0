@echo off
rem StyleForge launcher for Windows: builds the host and plugins when a source file changed, then runs the CLI.
setlocal
set "ROOT=%~dp0"
if "%STYLEFORGE_CONFIGURATION%"=="" (set "CONFIG=Release") else (set "CONFIG=%STYLEFORGE_CONFIGURATION%")
set "HOST=%ROOT%artifacts\bin\Host\%CONFIG%\styleforge.dll"
if "%STYLEFORGE_TORCH_BACKEND%"=="" (set "BACKEND=cpu") else (set "BACKEND=%STYLEFORGE_TORCH_BACKEND%")
set "STAMP=%ROOT%artifacts\.launcher-%CONFIG%-%BACKEND%.stamp"

powershell -NoProfile -Command ^
  "$root = '%ROOT%'; $stamp = '%STAMP%'; $host_ = '%HOST%';" ^
  "if (!(Test-Path $host_) -or !(Test-Path $stamp)) { exit 1 };" ^
  "$t = (Get-Item $stamp).LastWriteTimeUtc;" ^
  "$changed = Get-ChildItem -Path $root -Recurse -File -Include *.cs,*.csproj,*.props,*.targets,*.spv,global.json |" ^
  "  Where-Object { $_.FullName -notmatch '\\(artifacts|\.git|runs|Tests|bin|obj)\\' -and $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1;" ^
  "if ($changed) { exit 1 } else { exit 0 }"
if errorlevel 1 (
  echo styleforge: building (%CONFIG%^)... 1>&2
  del /q "%ROOT%artifacts\.launcher-%CONFIG%-*.stamp" 2>nul
  dotnet build "%ROOT%Host\Host.csproj" -c %CONFIG% -p:TorchBackend=%BACKEND% -nologo -v q > "%TEMP%\styleforge-build.log" 2>&1 || goto :buildfailed
  type nul > "%STAMP%"
)
dotnet "%HOST%" %*
exit /b %ERRORLEVEL%

:buildfailed
rem The CUDA packages are large and not on every feed: say so in one line rather than in NuGet's words.
findstr /r /c:"NU110[12].*TorchSharp-cuda" /c:"NU1301.*TorchSharp-cuda" "%TEMP%\styleforge-build.log" >nul && (
  echo styleforge: the CUDA build of libtorch ^(TorchSharp-cuda-*^) could not be restored from your NuGet sources; check nuget.org is reachable, or set STYLEFORGE_TORCH_BACKEND=cpu 1>&2
  exit /b 2
)
type "%TEMP%\styleforge-build.log" 1>&2
echo styleforge: build failed 1>&2
exit /b 2
