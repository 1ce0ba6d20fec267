/**
 * The kiosk's logger. Secrets (the API token) are registered once and replaced wherever they appear, so a
 * log line can never leak the token even if a caller passes a whole request body.
 */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  /** From now on, this value is replaced by `[redacted]` in every line. */
  redact(secret: string): void;
}

export type LogSink = (level: 'info' | 'warn' | 'error', line: string) => void;

const consoleSink: LogSink = (level, line) => {
  if (level === 'info') console.log(line);
  else console.error(line);
};

export function createLogger(sink: LogSink = consoleSink): Logger {
  const secrets = new Set<string>();
  const scrub = (text: string): string => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('[redacted]');
    return out;
  };
  const write = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown): void => {
    const suffix = detail === undefined ? '' : ` ${safeStringify(detail)}`;
    sink(level, scrub(`[kiosk] ${level.toUpperCase()} ${message}${suffix}`));
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    redact: (secret) => {
      if (secret.length > 0) secrets.add(secret);
    },
  };
}

function safeStringify(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
