// Starts a real `vigie serve` process on a free loopback port for a test, on SQLite or, when
// VIGIE_TEST_PG_ADMIN names a PostgreSQL admin URL, on a fresh PostgreSQL database.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export const repoRoot = resolve(__dirname, '../..');
export const vigieBin = resolve(repoRoot, process.env.VIGIE_BIN ?? 'build/vigie');
export const pgAdminUrl = process.env.VIGIE_TEST_PG_ADMIN ?? '';
export const backendName = pgAdminUrl ? 'postgresql' : 'sqlite';

// VIGIE_REQUIRE_PG=1 (scripts/test.sh sets it for the PostgreSQL pass): PostgreSQL was promised,
// so a missing admin URL or an unreachable cluster fails every suite at once, instead of the
// pass quietly running on SQLite.
export function checkPostgresql(env: NodeJS.ProcessEnv = process.env): void {
  if (env.VIGIE_REQUIRE_PG !== '1') return;
  const url = env.VIGIE_TEST_PG_ADMIN ?? '';
  if (!url) throw new Error('VIGIE_REQUIRE_PG=1 but VIGIE_TEST_PG_ADMIN names no PostgreSQL admin URL: the PostgreSQL pass would run on SQLite');
  const r = spawnSync('psql', [url, '-qtA', '-c', 'SELECT 1'], { timeout: 10000 });
  if (r.status !== 0 || r.stdout.toString().trim() !== '1')
    throw new Error(`VIGIE_REQUIRE_PG=1 but PostgreSQL does not answer at ${new URL(url).host}: ${r.stderr?.toString().trim() ?? r.error}`);
}
checkPostgresql();

export interface Vigie {
  url: string;
  port: number;
  dbUrl: string;
  dataDir: string;
  stdout: string[];
  stderr: string[];
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

// A fresh, empty database URL for the backend under test.
export function freshDatabase(dataDir: string): string {
  if (!pgAdminUrl) return `sqlite:${join(dataDir, 'vigie.db')}`;
  const name = `vigie_t_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [pgAdminUrl, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`]);
  const u = new URL(pgAdminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

// Runs SQL directly against the database behind the server's back (for tamper/version tests).
export function execSql(dbUrl: string, sql: string): string {
  if (dbUrl.startsWith('sqlite:')) return execFileSync('sqlite3', [dbUrl.slice(7), sql]).toString();
  return execFileSync('psql', [dbUrl, '-qtA', '-v', 'ON_ERROR_STOP=1', '-c', sql]).toString();
}

export interface StartOptions {
  args?: string[];
  env?: Record<string, string>;
  dbUrl?: string;
  dataDir?: string;
  webRoot?: string;
  skipKeys?: boolean;
  port?: number;  // a fixed port (when another service must know the address first)  // do not create the key file first (demo mode makes its own)
}

export async function startVigie(options: StartOptions = {}): Promise<Vigie> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vigie-test-'));
  const dbUrl = options.dbUrl ?? freshDatabase(dataDir);
  if (!options.skipKeys && !existsSync(join(dataDir, 'vigie.key'))) execFileSync(vigieBin, ['keys', 'init', '--data-dir', dataDir]);
  const args = [
    'serve',
    '--listen', `127.0.0.1:${options.port ?? 0}`,
    '--data-dir', dataDir,
    '--db', dbUrl,
    '--web-root', options.webRoot ?? join(repoRoot, 'web/dist'),
    ...(options.args ?? []),
  ];
  const proc = spawn(vigieBin, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  // 'close': the process has exited and all its output has been read into stdout/stderr.
  const exited = new Promise<number | null>((res) => proc.on('close', (code) => res(code)));
  const port = await new Promise<number>((res, rej) => {
    let buf = '';
    const timer = setTimeout(() => rej(new Error(`vigie did not start: ${stderr.join('\n')}`)), 20000);
    proc.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        stdout.push(line);
        const m = /listening on http:\/\/[^:]+:(\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          res(Number(m[1]));
        }
      }
    });
    proc.stderr!.on('data', (d: Buffer) => stderr.push(...d.toString().split('\n').filter(Boolean)));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`vigie exited with ${code}: ${stderr.join('\n')}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dbUrl,
    dataDir,
    stdout,
    stderr,
    process: proc,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null) proc.kill(signal);
      const code = await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

// Runs a vigie subcommand to completion.
export function runVigie(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(vigieBin, args, {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: Buffer; stderr: Buffer };
    return { code: err.status, stdout: err.stdout.toString(), stderr: err.stderr.toString() };
  }
}

// Waits until a line of a process's output (`vigie.stdout` or `vigie.stderr`) satisfies `match`
// and returns it: for what the server writes after answering (the access log, warnings).
export async function waitForLine(lines: string[], match: (line: string) => boolean, timeoutMs = 10000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const line = lines.find(match);
    if (line !== undefined) return line;
    if (Date.now() > end) throw new Error(`no such line within ${timeoutMs} ms in:\n${lines.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// The TOTP secret of a demo account, as `serve --demo` prints it at start (the database holds
// it sealed, so it cannot be read there).
export function demoTotpSecret(vigie: Vigie, email: string): string {
  const line = vigie.stdout.find((l) => l.trimStart().startsWith(email + ' '));
  const secret = line ? /TOTP secret ([A-Z2-7]+)/.exec(line)?.[1] : undefined;
  if (!secret) throw new Error(`no TOTP secret printed for ${email}`);
  return secret;
}
