import http from 'node:http';

/** Text for HTML: the five characters that mean something there. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page a lot station shows instead of the kiosk when its records are damaged: both languages, and the cause. */
export function refusalPage(detail: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>This kiosk cannot start</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:22px/1.4 system-ui,sans-serif;margin:2em;background:#fff;color:#111}h1{color:#b00020}
p.detail{font:16px/1.4 monospace;background:#f4f4f4;padding:1em;overflow-wrap:anywhere}</style></head>
<body><main>
<h1>This kiosk cannot start</h1>
<p>Its records are damaged. Nothing is sold until a supervisor has seen to it. Call a supervisor.</p>
<h1 lang="fr">Ce kiosque ne peut pas démarrer</h1>
<p lang="fr">Ses données sont endommagées. Rien n’est vendu tant qu’un superviseur ne s’en est pas occupé. Appelez un superviseur.</p>
<p class="detail">${escapeHtml(detail)}</p>
</main></body></html>
`;
}

/**
 * Serves the refusal page on loopback (the port the screen opens), so a touch station with no keyboard shows why it
 * stopped instead of a browser error. Answers 503 to everything; resolves with its address.
 */
export function serveRefusal(port: number, detail: string): Promise<{ url: string; close(): Promise<void> }> {
  const page = refusalPage(detail);
  const server = http.createServer((_request, response) => {
    response.writeHead(503, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    response.end(page);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
