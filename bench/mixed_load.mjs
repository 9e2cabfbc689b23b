#!/usr/bin/env node
// Mixed load on a running vigie, with a bounded number of requests on 127.0.0.1 only:
// CONNECTIONS keep-alive connections each send REQUESTS requests in turn, every tenth a
// progress report by a logged-in pilot (`POST /api/v1/actions/{id}/updates`, with the session
// cookie and CSRF token), the others reads of READ_PATH. Prints one JSON line with the
// latencies of each kind (ms, measured around each request by this client, so they include
// its own queueing: an upper bound on the server's).
//
//   node bench/mixed_load.mjs --port P --email E --password W --pilot DGT --read /api/v1/public/plan
// (the action reported on is the first one piloted by --pilot in the plan tree)
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    port: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    pilot: { type: 'string' },
    read: { type: 'string', default: '/api/v1/public/plan' },
    connections: { type: 'string', default: '16' },
    requests: { type: 'string', default: '200' },  // per connection
  },
});
const host = '127.0.0.1';
const port = Number(opt.port);

function call(agent, method, path, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host, port, method, path, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ status: res.statusCode, headers: res.headers, ms, body: res.body });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function login() {
  const body = JSON.stringify({ email: opt.email, password: opt.password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host, port, method: 'POST', path: '/api/v1/auth/login', headers: { 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`login ${res.statusCode}: ${text}`));
          resolve({ cookie: String(res.headers['set-cookie']).split(';')[0], csrf: JSON.parse(text).csrf_token });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
function summary(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { count: s.length, median: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1] };
}

const session = await login();
const tree = await new Promise((resolve, reject) => {
  http.get({ host, port, path: '/api/v1/plan', headers: { Cookie: session.cookie } }, (res) => {
    let text = '';
    res.on('data', (d) => (text += d));
    res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`plan ${res.statusCode}`))));
  }).on('error', reject);
});
const action = tree.axes.flatMap((a) => a.measures).flatMap((m) => m.actions).find((a) => a.pilots.includes(opt.pilot)).id;
const reads = [];
const writes = [];
const failures = [];
let sequence = 0;
async function connection(c) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < Number(opt.requests); i++) {
    // Every tenth request overall is a write, spread over the connections.
    if ((i + c) % 10 === 9) {
      const n = ++sequence;
      const body = JSON.stringify({ status: 'in_progress', progress: n % 101, comment: `Point de charge numéro ${n}.` });
      const r = await call(agent, 'POST', `/api/v1/actions/${action}/updates`,
        { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' }, body);
      if (r.status !== 201) failures.push(`POST ${r.status}`);
      writes.push(r.ms);
    } else {
      const r = await call(agent, 'GET', opt.read);
      if (r.status !== 200) failures.push(`GET ${r.status}`);
      reads.push(r.ms);
    }
  }
  agent.destroy();
}
// Warm-up, not counted: the first write of a process loads what writes need once.
{
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ status: 'in_progress', progress: 1, comment: 'Point de charge initial.' });
  const w = await call(agent, 'POST', `/api/v1/actions/${action}/updates`,
    { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' }, body);
  if (w.status !== 201) throw new Error(`warm-up write answered ${w.status}`);
  for (let i = 0; i < 16; i++) await call(agent, 'GET', opt.read);
  agent.destroy();
}
const t0 = process.hrtime.bigint();
await Promise.all(Array.from({ length: Number(opt.connections) }, (_, c) => connection(c)));
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ action, read: summary(reads), write: summary(writes), seconds, failures: failures.slice(0, 10), failed: failures.length }));
if (failures.length) process.exit(1);
