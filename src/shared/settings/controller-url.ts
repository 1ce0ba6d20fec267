import { z } from 'zod';
import { isLoopbackAddress } from '../loopback';

/**
 * Where the kiosk may send its API token: https anywhere, plain http only to this machine (the sandbox, or a
 * local proxy that adds TLS). Anything else would carry the token in clear text.
 */
export function isAllowedControllerUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return parsed.protocol === 'http:' && (host === 'localhost' || isLoopbackAddress(host));
}

/** The problem code of the rule (src/shared/errors/problems.ts has its words). */
export const CONTROLLER_URL_RULE = 'url-rule';

export const ControllerUrlSchema = z
  .url({ error: CONTROLLER_URL_RULE })
  .refine(isAllowedControllerUrl, { error: CONTROLLER_URL_RULE });

/** Scheme, host and port: a token may follow a path change, never a change of server without being asked. */
export function controllerOrigin(url: string): string {
  return new URL(url).origin;
}
