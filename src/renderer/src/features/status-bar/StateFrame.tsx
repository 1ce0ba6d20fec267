import type { OutboxStatus } from '../../../../shared/outbox/outbox-view';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';

/**
 * Offline and paused are shown by a coloured frame around the whole screen (one colour each) and a strip of words
 * under the status bar, so neither rests on colour alone nor on a small mark. Paused wins: OPSCOM answered but
 * refused the credentials, so nothing is sent until a supervisor acts, whatever the connection.
 */
export type FrameState = 'offline' | 'paused';

export function frameState(outbox: OutboxStatus | null): FrameState | null {
  if (outbox?.paused) return 'paused';
  if (outbox?.connection === 'offline') return 'offline';
  return null;
}

/** The frame's words: what happens to the permits, and for a pause why and who fixes it. */
export function StateFrameLabel() {
  const { t } = useT();
  const outbox = useKiosk((s) => s.outbox);
  const state = frameState(outbox);
  if (state === 'paused' && outbox?.paused) {
    return (
      <div className="state-frame-label state-frame-label--paused" role="alert" data-testid="outbox-paused">
        <span className="state-frame-label__mark" aria-hidden="true">
          ■
        </span>
        <p>
          <strong>{t.framePaused}</strong> {t.problem(outbox.paused.problem)} {t.pausedAsk}
        </p>
      </div>
    );
  }
  if (state === 'offline') {
    return (
      <div className="state-frame-label state-frame-label--offline" role="status" data-testid="offline-frame-label">
        <span className="state-frame-label__mark" aria-hidden="true">
          ✕
        </span>
        <p>
          <strong>{t.frameOffline}</strong>
        </p>
      </div>
    );
  }
  return null;
}
