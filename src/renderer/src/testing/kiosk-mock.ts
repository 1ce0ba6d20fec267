import type { ChannelName } from '../../../shared/contract';
import { send } from './fixtures';

// app/transport/kiosk.ts reads `window` at import; the store only needs `send`. Use as
// `vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'))` from a feature folder (vi.mock is
// hoisted per test file).
export const kiosk = { send: (channel: ChannelName, request: unknown) => send(channel, request) };
