// The HTTP server as a client sees it: probes, errors as problem details, limits, headers,
// static UI, keep-alive and shutdown. Runs against SQLite, and PostgreSQL when configured.
import http from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, request, type Reply } from '../support/http';
import { backendName, repoRoot, startVigie, waitForLine, type Vigie } from '../support/vigie';

let vigie: Vigie;
beforeAll(async () => {
  vigie = await startVigie();
});
afterAll(async () => {
  await vigie?.stop();
});

function expectProblem(reply: Reply, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe('application/problem+json');
  const body = reply.json<{ status: number; code: string; title: string; request_id: string; type: string }>();
  expect(body.status).toBe(status);
  expect(body.code).toBe(code);
  expect(body.title).toBeTruthy();
  expect(body.type).toMatch(/^urn:vigie:problem:/);
  expect(body.request_id).toBe(reply.headers['x-request-id']);
  return body;
}

function expectSecurityHeaders(reply: Reply) {
  const csp = String(reply.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['referrer-policy']).toBe('no-referrer');
  expect(reply.headers['x-frame-options']).toBe('DENY');
  expect(reply.headers['server']).toBeUndefined();
  expect(reply.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
}

describe(`probes (${backendName})`, () => {
  it('answers /healthz while the process is up', async () => {
    const r = await request(`${vigie.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ status: 'up' });
  });

  it('answers /readyz with the current schema version', async () => {
    const r = await request(`${vigie.url}/readyz`);
    expect(r.status).toBe(200);
    const body = r.json<{ status: string; schema_version: number }>();
    expect(body.status).toBe('ready');
    expect(body.schema_version).toBeGreaterThanOrEqual(1);
  });

  it('tells the API version', async () => {
    const r = await request(`${vigie.url}/api/v1/version`);
    expect(r.json()).toMatchObject({ name: 'vigie', api: 'v1' });
    expect(r.headers['cache-control']).toBe('no-store');
  });
});

describe('errors are problem details', () => {
  it('404 for an unknown API route', async () => {
    expectProblem(await request(`${vigie.url}/api/v1/no-such-thing`), 404, 'not-found');
  });

  it('405 with Allow for a known route and another method', async () => {
    const r = await request(`${vigie.url}/api/v1/version`, { method: 'DELETE' });
    expectProblem(r, 405, 'method-not-allowed');
    expect(r.headers['allow']).toBe('GET, HEAD');
  });

  it('413 for a 2 MB JSON body, before reading it', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) });
    const r = await request(`${vigie.url}/api/v1/csp-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expectProblem(r, 413, 'payload-too-large');
  });

  it('413 also for a chunked body that grows past the limit', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    let payload = 'POST /api/v1/csp-reports HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    for (let i = 0; i < 8; i++) payload += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    payload += '0\r\n\r\n';
    const answer = await rawExchange(vigie.port, payload);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('415 for a body in the wrong media type', async () => {
    const r = await request(`${vigie.url}/api/v1/csp-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expectProblem(r, 415, 'unsupported-media-type');
  });

  it('400 for malformed JSON, saying so', async () => {
    const r = await request(`${vigie.url}/api/v1/csp-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"csp-report": ',
    });
    const body = expectProblem(r, 400, 'bad-request');
    expect(JSON.stringify(body)).toContain('not valid JSON');
  });

  it('431 for oversized headers', async () => {
    const r = await request(`${vigie.url}/healthz`, { headers: { 'X-Padding': 'y'.repeat(20000) } });
    expectProblem(r, 431, 'headers-too-large');
  });

  it('400 for a request that is not HTTP', async () => {
    const answer = await rawExchange(vigie.port, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it('accepts a valid CSP violation report', async () => {
    const r = await request(`${vigie.url}/api/v1/csp-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/csp-report' },
      body: JSON.stringify({ 'csp-report': { 'violated-directive': 'script-src', 'blocked-uri': 'inline' } }),
    });
    expect(r.status).toBe(204);
    await waitForLine(vigie.stderr, (l) => l.includes('CSP violation: directive=script-src'));
  });
});

describe('headers', () => {
  it('are on API answers, errors, pages and assets', async () => {
    const asset = readdirSync(join(repoRoot, 'web/dist/assets')).find((f) => f.endsWith('.js'))!;
    for (const path of ['/healthz', '/api/v1/version', '/api/nope', '/', '/plan', `/assets/${asset}`]) {
      expectSecurityHeaders(await request(`${vigie.url}${path}`));
    }
  });

  it('give each request its own id', async () => {
    const a = await request(`${vigie.url}/healthz`);
    const b = await request(`${vigie.url}/healthz`);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('the web UI', () => {
  it('is served at / in French', async () => {
    const r = await request(`${vigie.url}/`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('<html lang="fr"');
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('answers client-side routes with index.html', async () => {
    const r = await request(`${vigie.url}/plan/mesures/A1.a`.replace('A1.a', 'A1'));
    expect(r.status).toBe(200);
    expect(r.body).toContain('<div id="app">');
  });

  it('caches hashed assets as immutable', async () => {
    const asset = readdirSync(join(repoRoot, 'web/dist/assets')).find((f) => f.endsWith('.css'))!;
    const r = await request(`${vigie.url}/assets/${asset}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/css');
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('answers HEAD with the length and no body', async () => {
    const r = await request(`${vigie.url}/`, { method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(Number(r.headers['content-length'])).toBeGreaterThan(100);
    expect(r.body).toBe('');
  });

  it('never leaves the web root', async () => {
    for (const path of ['/..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/.git/config', '/%2e%2e/etc/passwd']) {
      const r = await request(`${vigie.url}${path}`);
      expect(r.body).not.toContain('root:');
    }
    expect((await request(`${vigie.url}/assets/missing-file.js`)).status).toBe(404);
  });
});

describe('connections', () => {
  it('keeps a connection alive across requests', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ports = new Set<number>();
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((res, rej) => {
        const req = http.get(`${vigie.url}/healthz`, { agent }, (r) => {
          ports.add(r.socket.localPort!);
          r.resume();
          r.on('end', res);
        });
        req.on('error', rej);
      });
    }
    agent.destroy();
    expect(ports.size).toBe(1);
  });

  it('writes one JSON access-log line per request, without the query string', async () => {
    const r = await request(`${vigie.url}/healthz?token=secret-value`);
    const id = r.headers['x-request-id'];
    const line = await waitForLine(vigie.stdout, (l) => l.includes(String(id)));
    expect(vigie.stdout.filter((l) => l.includes(String(id)))).toHaveLength(1);
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ method: 'GET', path: '/healthz', status: 200, remote: '127.0.0.1' });
    expect(line).not.toContain('secret-value');
  });
});
