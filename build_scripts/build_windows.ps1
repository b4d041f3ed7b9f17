# Build the Windows release on a Windows 10/11 or windows-2022 machine with Python 3.12 (x64) installed.
#   powershell -ExecutionPolicy Bypass -File build_scripts\build_windows.ps1
# Creates a venv from the pinned, hash-checked requirements, runs the tests, builds the onedir bundle,
# smoke-tests the windowed exe (Start-Process -Wait: PowerShell does not wait for GUI programs by itself)
# and zips it as dist\fazhi-desktop-<version>-win10-x64.zip; with NSIS installed, also builds the per-user
# installer dist\fazhi-desktop-<version>-win10-x64-setup.exe (build_scripts\installer.nsi).
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

py -3.12 -m venv .venv-build
$py = ".venv-build\Scripts\python.exe"
& $py -m pip install --upgrade pip
& $py -m pip install --require-hashes -r build_scripts\requirements-build.txt
& $py -m pip install --no-deps -e .

$env:QT_QPA_PLATFORM = "offscreen"
& $py -m pytest -q -p no:cacheprovider
if ($LASTEXITCODE -ne 0) { throw "测试失败" }

$env:PYTHONHASHSEED = "1"
$env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct)
& $py build_scripts\version_info.py build\version_info.txt
& $py -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller build_scripts\fazhi_desktop.spec
if ($LASTEXITCODE -ne 0) { throw "打包失败" }

$smoke = Join-Path $PWD "build\smoke.json"
$p = Start-Process dist\fazhi-desktop\fazhi-desktop.exe -ArgumentList "--smoke-test", "--smoke-out", "`"$smoke`"" -Wait -PassThru
Get-Content $smoke -Encoding utf8
if ($p.ExitCode -ne 0) { throw "冒烟测试失败（退出码 $($p.ExitCode)）" }

$version = (& $py -c "import fazhi_desktop; print(fazhi_desktop.__version__)").Trim()
$zip = "dist\fazhi-desktop-$version-win10-x64.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path dist\fazhi-desktop -DestinationPath $zip
$mb = [math]::Round((Get-Item $zip).Length / 1MB, 1)
Write-Host "发布包：$zip，$mb MB（预算 40 MB）"
if ($mb -gt 40) { throw "发布包超出体积预算" }

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis -and (Test-Path "${env:ProgramFiles(x86)}\NSIS\makensis.exe")) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
if ($makensis) {
    & $makensis -WX -V2 "-DVERSION=$version" "-DDIST=$PWD\dist\fazhi-desktop" "-DOUTDIR=$PWD\dist" build_scripts\installer.nsi
    if ($LASTEXITCODE -ne 0) { throw "安装程序生成失败" }
    Write-Host "安装程序：dist\fazhi-desktop-$version-win10-x64-setup.exe"
} else {
    Write-Host "未找到 NSIS（makensis），只生成 zip 包"
}
