import type { Language } from '../../language';
import { centsToAmountString, formatMoney } from '../../money/money';
import type { ProblemParams } from '../problems';

/** How each language's problem words read a problem's parameters (src/shared/errors/problems.ts). */
export type Words = (params: ProblemParams) => string;
export const str = (params: ProblemParams, key: string): string => String(params[key] ?? '');
export const num = (params: ProblemParams, key: string): number => Number(params[key] ?? 0);

/** An amount in cents (its size: a difference's sign is in the words), in the problem's currency. */
export const money = (params: ProblemParams, key: string, locale: Language): string => {
  const value = Math.abs(Math.trunc(num(params, key)));
  const cents = Number.isSafeInteger(value) ? value : 0;
  const currency = str(params, 'currency') || 'CAD';
  try {
    return formatMoney(cents, currency, locale);
  } catch {
    return `${centsToAmountString(cents)} ${currency}`;
  }
};

/** OPSCOM's own message, when it sent one, after ours: it may name the field. */
export const theirs = (params: ProblemParams) =>
  params.controllerMessage ? ` (${str(params, 'controllerMessage')})` : '';
