// The process as an operator sees it: start-up checks, migrations, configuration, shutdown.
import net from 'node:net';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { request } from '../support/http';
import { backendName, execSql, freshDatabase, runVigie, startVigie, waitForLine } from '../support/vigie';

const tempDir = () => mkdtempSync(join(tmpdir(), 'vigie-life-'));

describe(`shutdown (${backendName})`, () => {
  it('ends cleanly with status 0 on SIGTERM, even with an idle keep-alive connection open', async () => {
    const vigie = await startVigie();
    const socket = net.connect(vigie.port, '127.0.0.1');
    await new Promise((res) => socket.on('connect', res));
    socket.write('GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n');
    await new Promise((res) => socket.once('data', res));
    const started = Date.now();
    const code = await vigie.stop('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(vigie.stderr.join('\n')).toContain('stopped cleanly');
    socket.destroy();
  });

  it('also ends cleanly on SIGINT', async () => {
    const vigie = await startVigie();
    expect(await vigie.stop('SIGINT')).toBe(0);
  });
});

describe('schema', () => {
  it('is migrated once, and a restart applies nothing again', async () => {
    const dir = tempDir();
    const db = freshDatabase(dir);
    const first = await startVigie({ dbUrl: db, dataDir: dir });
    expect(first.stderr.join('\n')).toContain('applied migration 0001_instance_settings');
    await first.stop();
    const second = await startVigie({ dbUrl: db, dataDir: dir });
    expect(second.stderr.join('\n')).not.toContain('applied migration');
    expect((await request(`${second.url}/readyz`)).status).toBe(200);
    await second.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start on a schema newer than the binary knows', async () => {
    const dir = tempDir();
    const db = freshDatabase(dir);
    expect(runVigie(['migrate', '--db', db, '--data-dir', dir]).code).toBe(0);
    execSql(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', '2030-01-01T00:00:00Z')");
    expect(runVigie(['keys', 'init', '--data-dir', dir]).code).toBe(0);
    const r = runVigie(['serve', '--db', db, '--data-dir', dir, '--listen', '127.0.0.1:0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('schema is at version 9999');
    rmSync(dir, { recursive: true, force: true });
  });

  it('`vigie migrate` reports what it applied, then that nothing is left', async () => {
    const dir = tempDir();
    const db = freshDatabase(dir);
    const first = runVigie(['migrate', '--db', db, '--data-dir', dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('applied 0001_instance_settings');
    const again = runVigie(['migrate', '--db', db, '--data-dir', dir]);
    expect(again.stdout).toContain('nothing to do');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('keys', () => {
  it('refuses to serve without a key file, and demo mode creates one', async () => {
    const dir = tempDir();
    const r = runVigie(['serve', '--data-dir', dir, '--listen', '127.0.0.1:0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no key file');
    expect(r.stderr).toContain('vigie keys init');
    const demo = await startVigie({ dataDir: dir, args: ['--demo'], skipKeys: true });
    expect(statSync(join(dir, 'vigie.key')).mode & 0o777).toBe(0o400);
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never overwrites an existing key file', () => {
    const dir = tempDir();
    expect(runVigie(['keys', 'init', '--data-dir', dir]).code).toBe(0);
    const again = runVigie(['keys', 'init', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('configuration', () => {
  it('reads options from VIGIE_* environment variables', async () => {
    const dir = tempDir();
    const r = runVigie(['serve', '--data-dir', dir], { VIGIE_LISTEN: 'not-an-address' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("listen must be HOST:PORT");
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the wrong key of a bad config file in one line', async () => {
    const dir = tempDir();
    const file = join(dir, 'vigie.toml');
    writeFileSync(file, '[server]\nlisten = "127.0.0.1:0"\nworkers = 4\n');
    const r = runVigie(['serve', '--config', file, '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('vigie.toml:3: unknown key server.workers');
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets flags win over the config file', async () => {
    const dir = tempDir();
    const file = join(dir, 'vigie.toml');
    writeFileSync(file, '[server]\nlisten = "127.0.0.1:1"\naccess_log = "off"\n');
    const vigie = await startVigie({ args: ['--config', file], dataDir: dir });
    expect((await request(`${vigie.url}/healthz`)).status).toBe(200);
    // Stopped, and all its output read: an access-log line would be there by now.
    await vigie.stop();
    expect(vigie.stdout.some((l) => l.startsWith('{'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown database URL with a clear message', () => {
    const r = runVigie(['migrate', '--db', 'mysql://x/y']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use sqlite:PATH or postgresql://');
  });

  it('does not print a PostgreSQL password when the database is unreachable', () => {
    const r = runVigie(['migrate', '--db', 'postgresql://app:hunter2-secret@127.0.0.1:1/app']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot open database');
    expect(r.stderr).not.toContain('hunter2-secret');
  });

  it('prints its version', () => {
    expect(runVigie(['version']).stdout).toMatch(/^vigie \d+\.\d+\.\d+/);
  });
});

describe('behind a reverse proxy', () => {
  it('takes the client address from X-Forwarded-For only when told to, and only from the loopback', async () => {
    const dir = tempDir();
    const file = join(dir, 'vigie.toml');
    writeFileSync(file, '[server]\ntrust_forwarded_for = true\n');
    const proxied = await startVigie({ args: ['--config', file], dataDir: dir });
    const r = await request(`${proxied.url}/healthz`, { headers: { 'X-Forwarded-For': '198.51.100.4, 203.0.113.7' } });
    const bad = await request(`${proxied.url}/healthz`, { headers: { 'X-Forwarded-For': 'not-an-address' } });
    const remoteOf = async (id: unknown) => JSON.parse(await waitForLine(proxied.stdout, (l) => l.includes(String(id)))).remote;
    expect(await remoteOf(r.headers['x-request-id'])).toBe('203.0.113.7');
    expect(await remoteOf(bad.headers['x-request-id'])).toBe('127.0.0.1');
    await proxied.stop();

    const direct = await startVigie();
    const d = await request(`${direct.url}/healthz`, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
    expect(JSON.parse(await waitForLine(direct.stdout, (l) => l.includes(String(d.headers['x-request-id'])))).remote).toBe('127.0.0.1');
    await direct.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});
