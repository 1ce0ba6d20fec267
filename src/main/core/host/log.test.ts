import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('logger', () => {
  it('replaces registered secrets wherever they appear', () => {
    const lines: string[] = [];
    const log = createLogger((_level, line) => lines.push(line));
    log.redact('SECRET-TOKEN-123');
    log.info('sending', { apiToken: 'SECRET-TOKEN-123', plate: 'ABC' });
    log.error('failed with SECRET-TOKEN-123 inside');
    expect(lines.join('\n')).not.toContain('SECRET-TOKEN-123');
    expect(lines[0]).toContain('[redacted]');
    expect(lines[0]).toContain('ABC');
  });
});
