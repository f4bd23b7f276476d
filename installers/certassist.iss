; Inno Setup 6 script for certassist: installs the PyInstaller folder (build.spec) for the current
; user, without admin rights, in Dutch or English.
;
;   iscc /DAppVersion=0.1.0 installers\certassist.iss
;
; AppVersion comes from project.version in pyproject.toml (the workflow reads it with
; `python installers/build_support.py version`); there is no version number in this file.
; BundleDir and OutputDir are relative to this script's folder and may be overridden with /D.
;
; The daily reminder (R5/R7/R11 in docs/rules.md: a renewal must not be missed) is the scheduled task
; that `certassist.exe reminders enable` creates for the current user (certassist/ops/
; reminders.py); it is a task on the Tasks page, on by default. Uninstalling always runs
; `reminders disable`, which does nothing when no task exists.

#ifndef AppVersion
  #error AppVersion is not set: run iscc /DAppVersion=<project.version from pyproject.toml>
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\certassist"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif
#define AppExe "certassist.exe"

[Setup]
AppId={{531A3EAD-D9D7-472E-B700-E7AA3D8D311B}
AppName=certassist
AppVersion={#AppVersion}
AppVerName=certassist {#AppVersion}
AppPublisher=certassist
; {autopf} by way of DefaultAppDir in [Code]: the same folders, with a fallback for Wine.
DefaultDirName={code:DefaultAppDir}
DefaultGroupName=certassist
DisableProgramGroupPage=yes
; Per user by default (%LOCALAPPDATA%\Programs, no UAC prompt); IT can still install for all
; users with /ALLUSERS on the command line.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=certassist-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=certassist
; A running certassist is closed on an upgrade instead of failing on locked files.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; Dutch first: the users' language, and the one chosen when Windows speaks neither.
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.RemindersGroup=Herinneringen:
en.RemindersGroup=Reminders:
nl.RemindersTask=Elke dag controleren of een certificaat bijna verloopt, en dan een melding tonen
en.RemindersTask=Check every day whether a certificate is about to expire, and then show a notice
nl.RemindersStatus=Dagelijkse herinnering instellen...
en.RemindersStatus=Setting up the daily reminder...
nl.AppComment=Certificaten installeren, vernieuwen, back-uppen en terugzetten
en.AppComment=Install, renew, back up and restore certificates

[Tasks]
Name: "reminders"; Description: "{cm:RemindersTask}"; GroupDescription: "{cm:RemindersGroup}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder as a whole: no stale modules from an older build.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\certassist-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\certassist"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\certassist"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
; runasoriginaluser: the task belongs to the person who started setup, also after an /ALLUSERS
; elevation. The windowed certassist.exe runs it without a console window.
Filename: "{app}\{#AppExe}"; Parameters: "reminders enable"; Tasks: reminders; StatusMsg: "{cm:RemindersStatus}"; Flags: runhidden waituntilterminated runasoriginaluser
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,certassist}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallRun]
Filename: "{app}\{#AppExe}"; Parameters: "reminders disable"; RunOnceId: "certassist-reminders-disable"; Flags: runhidden waituntilterminated

[Code]
// The install folder: {autopf}\certassist, that is Program Files for /ALLUSERS and
// %LOCALAPPDATA%\Programs ({userpf}) per user. Wine 8 has no FOLDERID_UserProgramFiles, so
// {autopf} cannot be expanded there in per-user mode ("Failed to expand shell folder constant");
// Windows' own default for that folder, {localappdata}\Programs, is used then. The installer
// test under Wine (tests/windows_smoke/test_installer_wine.py) installs both ways.
function DefaultAppDir(Param: String): String;
begin
  try
    Result := ExpandConstant('{autopf}\certassist');
  except
    Result := ExpandConstant('{localappdata}\Programs\certassist');
  end;
end;
