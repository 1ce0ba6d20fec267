import type { PushPermit } from './wire';

/** The vendor's documented push example (30 minutes, 14.50 CAD, plate PL8RDR, Lot 4), shared by the client tests. */
export const DOCUMENTED_PERMIT: PushPermit = {
  plate: 'PL8RDR',
  startAt: '2018-07-02T09:00:00.000Z',
  endAt: '2018-07-02T09:30:00.000Z',
  amountCents: 1450,
  currency: 'CAD',
  permitNo: 'L4-1138',
  zone: 'Lot 4',
};
