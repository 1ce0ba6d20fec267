type Environment = Record<string, string | undefined>;
/** KIOSK_CHROMIUM or CHROMIUM_PATH when set (throws if that file does not exist), else null. */
export function chromiumFromEnvironment(env?: Environment): string | null;
/** A system-wide Chromium or Chrome (/usr/bin/chromium, then PATH), or null. */
export function systemChromium(env?: Environment): string | null;
