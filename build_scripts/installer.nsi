; Per-user Windows installer for the onedir bundle (NSIS 3, Unicode). No administrator rights:
; the program goes to %LOCALAPPDATA%\Programs\fazhi-desktop, shortcuts carry the Chinese name,
; and the uninstaller removes the program only — reports stay in the data folder
; (%LOCALAPPDATA%\fazhi-desktop, see fazhi_desktop/storage/location.py).
;
;   makensis -DVERSION=0.1.0 -DDIST=dist\fazhi-desktop -DOUTDIR=dist build_scripts\installer.nsi
;
; Built by build_scripts/build_windows.ps1 after the smoke test; tests/test_build_scripts.py compiles it
; with Debian's makensis against a stand-in bundle.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "makensis -DVERSION=… is required"
!endif
!ifndef DIST
  !define DIST "..\dist\fazhi-desktop"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\dist"
!endif

!define APP_ID "fazhi-desktop"
!define APP_NAME "法治政府建设年度报告助手"
!define APP_EXE "fazhi-desktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME}"
OutFile "${OUTDIR}\${APP_ID}-${VERSION}-win10-x64-setup.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${APP_NAME}"

!define MUI_ICON "app.ico"
!define MUI_UNICON "app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "立即运行${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "安装"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; an older version's program files go first (never the data: it lives elsewhere, or in "data\")
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ; the program only: a "data" folder (portable mode) and the user data folder are left alone
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  MessageBox MB_OK|MB_ICONINFORMATION "程序已卸载。报告数据和备份仍保留在 $LOCALAPPDATA\${APP_ID} 文件夹中。" /SD IDOK
SectionEnd
