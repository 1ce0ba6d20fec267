import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';

/** What the attendant still has to give before a permit can be issued, in the order the screen asks for it. */
export type IssueNeed = 'shift' | 'plate' | 'zone' | 'duration';

interface IssueChoicesSoFar {
  plate: string;
  zone: string | null;
  presetMinutes: number | null;
  shift: unknown;
  info: KioskInfo | null;
}

/**
 * One answer to "can this be issued?", shared by the Issue button (which says what is missing), Enter from a
 * keyboard or scanner (which issues only when nothing is) and the issue action itself.
 */
export function missingForIssue({ plate, zone, presetMinutes, shift, info }: IssueChoicesSoFar): IssueNeed[] {
  const needs: IssueNeed[] = [];
  if (!shift) needs.push('shift');
  if (!plate) needs.push('plate');
  const chosenZone = info?.zones.find((z) => z.name === zone);
  if (!chosenZone) needs.push('zone');
  if (!chosenZone?.presets.some((p) => p.minutes === presetMinutes)) needs.push('duration');
  return needs;
}
