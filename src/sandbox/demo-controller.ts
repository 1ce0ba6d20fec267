import { DEMO_TOKEN } from '../shared/demo';
import { startSandbox } from './server';

/**
 * Demo mode's controller: the sandbox on a free loopback port, knowing the kiosk's zones. The platforms hand this
 * to the core (which never imports the sandbox itself).
 */
export async function startDemoController(
  zones: string[],
): Promise<{ url: string; token: string; close(): Promise<void> }> {
  const sandbox = await startSandbox({ port: 0, tokens: [DEMO_TOKEN], zones });
  return { url: sandbox.url, token: DEMO_TOKEN, close: () => sandbox.close() };
}
