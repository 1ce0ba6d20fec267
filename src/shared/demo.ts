/**
 * What demo mode uses, known to everyone on purpose: the built-in sandbox's API token (worth nothing outside it)
 * and the admin PIN, which the screen shows in demo mode. Neither is ever used against a real controller.
 */
export const DEMO_TOKEN = 'DEMO-KIOSK-TOKEN';
export const DEMO_ADMIN_PIN = '1234';
