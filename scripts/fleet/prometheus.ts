/** Prometheus for the fleet rehearsal: its configuration (the shipped rules, threshold shortened) and its HTTP API. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const ALERT = 'KioskPermitNotInOpscom';
const SHIPPED_EXPR = 'kiosk_outbox_oldest_waiting_age_seconds > 600';

/**
 * Writes prometheus.yml and kiosk-alerts.yml into `dir`: scrape the Pushgateway every second, and the shipped
 * rules with the alert's 600 s threshold shortened to `thresholdSeconds`.
 */
export async function writeRehearsalConfig(
  repoRoot: string,
  dir: string,
  thresholdSeconds: number,
  pushgatewayPort: number,
): Promise<void> {
  const shipped = await readFile(path.join(repoRoot, 'deploy/prometheus/kiosk-alerts.yml'), 'utf8');
  if (shipped.split(SHIPPED_EXPR).length !== 2) throw new Error(`The shipped rules no longer say "${SHIPPED_EXPR}".`);
  await writeFile(
    path.join(dir, 'kiosk-alerts.yml'),
    shipped.replace(SHIPPED_EXPR, `kiosk_outbox_oldest_waiting_age_seconds > ${thresholdSeconds}`),
  );
  await writeFile(
    path.join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'rule_files: [kiosk-alerts.yml]',
      'scrape_configs:',
      '  - job_name: pushgateway',
      '    honor_labels: true',
      `    static_configs: [{ targets: ['127.0.0.1:${pushgatewayPort}'] }]`,
      '',
    ].join('\n'),
  );
}

export interface PromAlert {
  labels: Record<string, string>;
  state: 'pending' | 'firing' | 'inactive';
}

/** The rehearsal's alert, pending or firing, for whichever kiosks. */
export async function alerts(prometheus: string): Promise<PromAlert[]> {
  const body = (await (await fetch(`${prometheus}/api/v1/alerts`)).json()) as { data: { alerts: PromAlert[] } };
  return body.data.alerts.filter((alert) => alert.labels.alertname === ALERT);
}

/** An instant query, one value a kiosk. */
export async function query(prometheus: string, promql: string): Promise<Array<{ kiosk: string; value: number }>> {
  const url = `${prometheus}/api/v1/query?query=${encodeURIComponent(promql)}`;
  const body = (await (await fetch(url)).json()) as {
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return body.data.result.map((row) => ({ kiosk: row.metric.kiosk_id ?? '', value: Number(row.value[1]) }));
}
