<#
.SYNOPSIS
  Locks a Windows kiosk user to the OPSCOM Gate Kiosk app with Shell Launcher v2 (docs/operator/install-electron.md, "Windows lock-down").

.DESCRIPTION
  Run once as an administrator, after the NSIS installer (per-machine) has installed the app:
  - turns on the Shell Launcher feature (Windows 10/11 Enterprise or Education, or IoT Enterprise);
  - makes the kiosk user's shell the app itself, in kiosk mode, with its data folder under ProgramData
    (outside the user's profile, which may be wiped: the outbox, the audit log and the settings survive);
  - restarts the app whenever it exits (RestartShell), whatever its exit code;
  - leaves every other user, administrators included, on explorer.exe.
  The data folder is given to the kiosk user (modify) and to SYSTEM and Administrators (full) only.

  Assigned Access (Settings > Accounts > Other users > Set up a kiosk) is the other way: it runs a single app for a
  kiosk account, but it is meant for UWP/Edge apps, and a desktop (Win32) app there needs the multi-app XML
  configuration. Shell Launcher runs a Win32 app as the shell directly, which is what this app is.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File shell-launcher.ps1 -KioskUser Kiosk
#>
#Requires -RunAsAdministrator
param(
  [Parameter(Mandatory = $true)][string]$KioskUser,
  [string]$AppPath = (Join-Path $env:ProgramFiles 'OPSCOM Gate Kiosk\OPSCOM Gate Kiosk.exe'),
  [string]$DataDir = (Join-Path $env:ProgramData 'OpscomKiosk')
)
$ErrorActionPreference = 'Stop'

# Shell Launcher's actions when the shell exits (WESL_UserSetting).
$RestartShell = 0
$RestartDevice = 1
$ShutdownDevice = 2
$DoNothing = 3

if (-not (Test-Path -LiteralPath $AppPath)) {
  throw "The kiosk app is not installed at $AppPath. Run the installer from npm run dist (dist\*.exe) first."
}

# 1. The feature (a restart may be needed the first time).
$feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
if ($feature.State -ne 'Enabled') {
  Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
  Write-Host 'Shell Launcher was turned on: restart Windows, then run this script again.'
  exit 3010
}

# 2. The data folder, outside the profile, for the kiosk user only.
New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
& icacls.exe $DataDir /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'Administrators:(OI)(CI)F' "${KioskUser}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls could not set the permissions of $DataDir." }
# The app reads the folder from --data-dir below; KIOSK_DATA_DIR says the same to anything else started for the user.
[Environment]::SetEnvironmentVariable('KIOSK_DATA_DIR', $DataDir, 'Machine')

# 3. The kiosk user's shell: the app, restarted whenever it exits.
$sid = (New-Object System.Security.Principal.NTAccount($KioskUser)).Translate(
  [System.Security.Principal.SecurityIdentifier]).Value
$shell = "`"$AppPath`" --kiosk --data-dir `"$DataDir`""
$wesl = [wmiclass]'\\.\root\standardcimv2\embedded:WESL_UserSetting'
$wesl.SetDefaultShell('explorer.exe', $DoNothing) | Out-Null
# Running the script again replaces the kiosk user's shell; on the first run there is none to remove, and
# RemoveCustomShell throws for that, which is expected and the only thing ignored here.
try { $wesl.RemoveCustomShell($sid) | Out-Null } catch { }
# No custom exit codes: every exit of the app restarts it.
$wesl.SetCustomShell($sid, $shell, $null, $null, $RestartShell) | Out-Null
$wesl.SetEnabled($true) | Out-Null

Write-Host "Shell Launcher: $KioskUser ($sid) now logs on to $shell"
Write-Host "Data folder: $DataDir (kiosk user: modify; SYSTEM and Administrators: full)"
Write-Host 'Other users keep explorer.exe. To undo: $wesl.RemoveCustomShell(<sid>) and SetEnabled($false).'
