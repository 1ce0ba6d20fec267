import type { OutboxItem } from '../../../shared/outbox/outbox-view';
import type { Catalog } from './catalog';

/** Catalog keys for the values main sends as codes. */
export const QUEUE_KIND_LABEL = {
  issue: 'kindIssue',
  extend: 'kindExtend',
  cancel: 'kindCancel',
} as const satisfies Record<OutboxItem['kind'], keyof Catalog>;

export const QUEUE_STATE_LABEL = {
  waiting: 'stateWaiting',
  sending: 'stateSending',
  attention: 'stateAttention',
} as const satisfies Record<OutboxItem['state'], keyof Catalog>;
