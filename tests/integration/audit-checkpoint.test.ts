// The audit trail's checkpoint outside the database (issue 10 #11): serve keeps a signed one in
// the data directory; removing the newest audit rows is then caught by `vigie audit verify`
// (with no argument) and by serve at its next start, which refuses every write — a write must
// leave its trace, and none may extend a broken chain — until an operator acknowledges the
// break; then writes resume and the chain verifies, the break reported as acknowledged.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from '../support/http';
import { execSql, runVigie, startVigie, vigieBin, waitForLine, type Vigie } from '../support/vigie';
import { until } from '../support/wait';

const PASSWORD = 'une phrase de passe assez longue';
const dataDir = mkdtempSync(join(tmpdir(), 'vigie-audit-'));
let vigie: Vigie | undefined;
afterAll(async () => {
  await vigie?.stop();
});

const cli = (args: string[]) => runVigie([...args, '--db', vigie!.dbUrl, '--data-dir', dataDir]);
const login = (password: string) =>
  request(`${vigie!.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'agent@asso.test', password }) });
const newest = () => Number(execSql(vigie!.dbUrl, 'SELECT MAX(seq) FROM audit_log').trim());
const checkpointed = () => {
  const file = join(dataDir, 'audit.checkpoint');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { seq: number }).seq : 0;
};

describe('the audit checkpoint', () => {
  it('follows the newest entry; removing the newest rows blocks writes until acknowledged', async () => {
    vigie = await startVigie({ dataDir });
    expect(cli(['org', 'add', '--code', 'ASSO', '--name', 'Association', '--type', 'association']).code).toBe(0);
    const r = spawnSync(vigieBin, ['user', 'add', '--email', 'agent@asso.test', '--org', 'ASSO', '--role', 'contributor', '--password-stdin', '--db', vigie.dbUrl, '--data-dir', dataDir], { input: PASSWORD });
    expect(r.status, r.stderr.toString()).toBe(0);
    expect((await login(PASSWORD)).status).toBe(200);
    expect((await login('pas le bon mot de passe')).status).toBe(401);
    const last = newest();
    await until('the checkpoint to reach the newest entry', () => checkpointed() === last);

    // While serve is stopped, someone removes the two newest entries.
    await vigie.stop();
    execSql(vigie.dbUrl, `DELETE FROM audit_log WHERE seq > ${last - 2}`);
    let v = cli(['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`BROKEN at entry ${last}: the checkpointed entry is missing or different: newer entries were removed`);

    vigie = await startVigie({ dataDir, dbUrl: vigie.dbUrl });
    await waitForLine(vigie.stderr, (l) => l.includes(`audit trail BROKEN at entry ${last}`));
    const refused = await login(PASSWORD); // a login writes its trace: refused
    expect(refused.status).toBe(503);
    expect(refused.json<{ code: string }>().code).toBe('audit-broken');
    expect((await request(`${vigie.url}/api/v1/version`)).status).toBe(200); // reads go on
    expect(newest()).toBe(last - 2); // nothing was appended

    const ack = cli(['audit', 'acknowledge', '--reason', 'Deux lignes effacées par une restauration partielle ; vérifié avec l’hébergeur.']);
    expect(ack.code, ack.stderr).toBe(0);
    expect(ack.stdout).toContain(`acknowledged the break at entry ${last}`);
    await until('a login to succeed', async () => (await login(PASSWORD)).status === 200);
    await waitForLine(vigie.stderr, (l) => l.includes('writes resume'));
    v = cli(['audit', 'verify']);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/audit trail intact: \d+ entries/);
  });

  it('refuses a checkpoint file edited by hand', async () => {
    const file = join(dataDir, 'audit.checkpoint');
    await until('the checkpoint to follow the newest entry', () => checkpointed() === newest());
    const c = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...c, seq: c.seq - 1 }));
    const v = cli(['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('does not verify: the checkpoint was changed by hand');
  });
});
