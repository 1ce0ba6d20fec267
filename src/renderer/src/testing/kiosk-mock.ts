import type { ChannelName } from '../../../shared/contract';
import { send } from './fixtures';

// kiosk.ts reads `window` at import; the store only needs `send`.
// Use as `vi.mock('./kiosk', () => import('./testing/kiosk-mock'))` (vi.mock is hoisted per test file).
export const kiosk = { send: (channel: ChannelName, request: unknown) => send(channel, request) };
