/** The browser station's bridge: how the served page proves it is the page the station served. */
export const BRIDGE_SECRET_META = 'kiosk-bridge-secret';
export const BRIDGE_SECRET_HEADER = 'X-Kiosk-Secret';
