import { z } from 'zod';
import { ControllerUrlSchema } from '../../../shared/settings/controller-url';
import { problemMessage, isProblemCode } from '../../../shared/errors/problems';
import { ApiTokenSchema } from '../../../shared/settings/setting-fields';

/**
 * Where the kiosk sends permits. Each value comes from, in order: a command-line flag, the environment
 * (`OPSCOM_URL`, `OPSCOM_TOKEN`), stored settings. With neither URL nor token anywhere, the kiosk runs in demo
 * mode against its built-in sandbox.
 */
export type ControllerConfig =
  | { mode: 'controller'; url: string; token: string; source: { url: ConfigSource; token: ConfigSource } }
  | { mode: 'demo' };
export type ConfigSource = 'flag' | 'environment' | 'settings';

export interface ConfigInputs {
  flags: { url?: string | undefined; token?: string | undefined };
  env: Record<string, string | undefined>;
  stored: { url?: string | undefined; token?: string | undefined };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const TokenSchema = ApiTokenSchema;
const UrlSchema = ControllerUrlSchema;

function pick(inputs: ConfigInputs, key: 'url' | 'token', envName: string) {
  const candidates: Array<[string | undefined, ConfigSource]> = [
    [inputs.flags[key], 'flag'],
    [inputs.env[envName], 'environment'],
    [inputs.stored[key], 'settings'],
  ];
  for (const [value, source] of candidates) {
    if (value !== undefined && value.trim() !== '') return { value: value.trim(), source };
  }
  return undefined;
}

export function resolveControllerConfig(inputs: ConfigInputs): ControllerConfig {
  const url = pick(inputs, 'url', 'OPSCOM_URL');
  const token = pick(inputs, 'token', 'OPSCOM_TOKEN');
  if (!url && !token) return { mode: 'demo' };
  if (!url) throw new ConfigError('An API token is set but no controller URL: set OPSCOM_URL or pass --url.');
  if (!token) throw new ConfigError('A controller URL is set but no API token: set OPSCOM_TOKEN or pass --token.');
  const parsedUrl = UrlSchema.safeParse(url.value);
  if (!parsedUrl.success) throw new ConfigError(words(parsedUrl.error, 'The controller URL is not valid.'));
  const parsedToken = TokenSchema.safeParse(token.value);
  if (!parsedToken.success) throw new ConfigError(words(parsedToken.error, 'The API token is not valid.'));
  return { mode: 'controller', url: url.value, token: token.value, source: { url: url.source, token: token.source } };
}

/** A schema's problem code in words (a start-up error is read in a terminal, in English). */
function words(error: z.ZodError, fallback: string): string {
  const code = error.issues[0]?.message;
  return isProblemCode(code) ? problemMessage({ code }) : fallback;
}
