/** Flags Chromium needs in containers; --no-sandbox only when running as root. */
export const CHROMIUM_ARGS: string[];
/** Path of a Chromium executable: KIOSK_CHROMIUM, Playwright's download or the system's, installing one if needed. */
export function findOrProvisionChromium(): Promise<string>;
