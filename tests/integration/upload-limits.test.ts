// Uploads of spreadsheets (issue 10, item 2): the caller is admitted from the request's head,
// before its body is read, so a refused caller gets 403 however large or malformed its file,
// and the body of a refused upload is never even waited for.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanActors } from '../support/plan-session';
import { startVigie, type Vigie } from '../support/vigie';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COORD = 'coordination@miprof.test';
const DGT = 'referent@dgt.test';
const POLICE = 'agent@police.test';
const ASSO = 'equipe@asso.test';
let vigie: Vigie;
let actors: PlanActors;
let big: Buffer;

beforeAll(async () => {
  vigie = await startVigie();
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('DGT', 'ministry');
  actors.org('POL', 'police');
  actors.org('ASSO', 'association');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(DGT, 'DGT', 'viewer');
  await actors.user(POLICE, 'POL', 'viewer');
  await actors.user(ASSO, 'ASSO', 'contributor');
  // The file: 300,000 rows, beyond the plan import's cell cap.
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-upload-')), 'big.xlsx');
  execFileSync('/usr/bin/python3', [join(__dirname, '../../bench/make_xlsx.py'), file, '300000', '1']);
  big = readFileSync(file);
});
afterAll(async () => {
  await vigie?.stop();
});

// Sends only the head of an upload announcing `length` bytes, and resolves with what the
// server answers before any byte of the body is sent.
function headOnly(path: string, who: string, length: number): Promise<string> {
  const s = actors.sessions[who];
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(vigie.port, '127.0.0.1', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${vigie.port}\r\nCookie: ${s.cookie}\r\nX-CSRF-Token: ${s.csrf}\r\n` +
        `Content-Type: ${XLSX}\r\nContent-Length: ${length}\r\n\r\n`);
    });
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

describe('a spreadsheet upload', () => {
  it('is refused with 403, not 422, to a caller who may not import, however large the file', async () => {
    const refused = await actors.send('POST', '/api/v1/plan/import', DGT, big, XLSX);
    expect(refused.status, refused.body).toBe(403);
    const allowed = await actors.send('POST', '/api/v1/plan/import', COORD, big, XLSX);
    expect(allowed.status, allowed.body).toBe(422);
    expect(allowed.body).toContain('too many cells');
    const field = await actors.send('POST', '/api/v1/field/import?check=1', POLICE, big, XLSX);
    expect(field.status, field.body).toBe(403);
  });

  it('is refused from its head alone: the server answers before the body is sent', async () => {
    for (const [path, who] of [['/api/v1/plan/import', DGT], ['/api/v1/plan/import', POLICE], ['/api/v1/field/import', POLICE]]) {
      const answer = await headOnly(path, who, 4_000_000);
      expect(answer.split('\r\n')[0], `${path} ${who}`).toBe('HTTP/1.1 403 Forbidden');
    }
    // Without a session: 401, from the head too.
    const anonymous = await new Promise<string>((resolve) => {
      let answer = '';
      const socket = net.connect(vigie.port, '127.0.0.1', () =>
        socket.write(`POST /api/v1/plan/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${XLSX}\r\nContent-Length: 4000000\r\n\r\n`));
      socket.on('data', (d) => {
        answer += d.toString('latin1');
        if (answer.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(answer));
    });
    expect(anonymous.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('caps the cells of a CSV as those of an XLSX: short cells make no table many times the body', async () => {
    const csv = 'a,b,c,d,e,f,g,h,i,j\r\n'.repeat(20_001);  // 200,010 cells in 420 KB
    const r = await actors.send('POST', '/api/v1/plan/import', COORD, csv, 'text/csv');
    expect(r.status, r.body).toBe(422);
    expect(r.body).toContain('too many cells');
  });

  it('still reads the body of an admitted caller', async () => {
    const ok = await actors.send('POST', '/api/v1/plan/import', COORD, 'a,b\r\n', 'text/csv');
    expect(ok.status, ok.body).not.toBe(403);
    expect(ok.status, ok.body).not.toBe(401);
  });
});
