// A real SMTP server for the tests (Debian's python3-aiosmtpd), storing each message it
// receives in a maildir that the test reads.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function decodeSubject(raw: string): string {
  return raw.replace(/=\?UTF-8\?B\?([^?]+)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

export class SmtpSink {
  private constructor(
    readonly url: string,
    private readonly dir: string,
    private readonly proc: ChildProcess,
  ) {}

  static async start(): Promise<SmtpSink> {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-smtp-'));
    const port = await freePort();
    const proc = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', join(dir, 'box')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const up = await new Promise<boolean>((res) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.destroy();
          res(true);
        });
        s.on('error', () => res(false));
      });
      if (up) return new SmtpSink(`smtp://127.0.0.1:${port}`, dir, proc);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the SMTP sink did not start');
  }

  messages(): Mail[] {
    const box = join(this.dir, 'box', 'new');
    if (!existsSync(box)) return [];
    return readdirSync(box).sort().map((f) => {
      const text = readFileSync(join(box, f), 'utf8');
      const [head, ...rest] = text.split(/\r?\n\r?\n/);
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
      return { to: header('X-RcptTo'), subject: decodeSubject(header('Subject')), body: rest.join('\n\n') };
    });
  }

  // Waits for a message to `to` and returns it.
  async waitFor(to: string, timeoutMs = 10000): Promise<Mail> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const m = this.messages().filter((x) => x.to === to).pop();
      if (m) return m;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no e-mail to ${to} within ${timeoutMs} ms`);
  }

  stop(): void {
    this.proc.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
