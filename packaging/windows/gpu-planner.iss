; Inno Setup 6 script for LLM GPU Planner. packaging/build.py compiles it on Windows after PyInstaller:
;   ISCC /DAppVersion=0.1.0 /DBundleDir=...\dist\gpu-planner /DOutputDir=...\dist /DIconFile=...\gpu-planner.ico gpu-planner.iss
; Signing-ready: with GPU_PLANNER_SIGNTOOL set to a signtool command ending in $f, for example
;   signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f company.pfx /p PASSWORD $f
; build.py adds /DSign /Ssigntool="..." and Inno Setup signs gpu-planner.exe, the setup and the uninstaller.

#ifndef AppVersion
  #error Compile through packaging/build.py (it defines AppVersion, BundleDir, OutputDir, IconFile)
#endif
#ifdef Sign
  #define SignFlag "signonce"
#else
  #define SignFlag ""
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find the installed app by it.
AppId={{C67CFF60-6A6F-479B-8D72-24A150A5C4CF}
AppName=LLM GPU Planner
AppVersion={#AppVersion}
AppPublisher=LLM GPU Planner
DefaultDirName={autopf}\LLM GPU Planner
DefaultGroupName=LLM GPU Planner
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=gpu-planner-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\gpu-planner.exe
UninstallDisplayName=LLM GPU Planner
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\gpu-planner.exe"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "{#BundleDir}\*"; Excludes: "\gpu-planner.exe"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\LLM GPU Planner"; Filename: "{app}\gpu-planner.exe"
Name: "{autodesktop}\LLM GPU Planner"; Filename: "{app}\gpu-planner.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\gpu-planner.exe"; Description: "{cm:LaunchProgram,LLM GPU Planner}"; Flags: nowait postinstall skipifsilent
