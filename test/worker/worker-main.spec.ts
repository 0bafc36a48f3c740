import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/*
 * `npm run start:worker` with a wrong setting: the process stops at once with one line naming the variable, before it
 * opens any store or catches up any projection.
 */
const root = path.resolve(__dirname, '..', '..');

function startWorker(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'worker-main-'));
  const result = spawnSync(
    process.execPath,
    ['-r', path.join(root, 'test/reminders/fixtures/register-ts.js'), path.join(root, 'apps/worker/src/main.ts')],
    { cwd: root, env: { PATH: process.env.PATH, CDCE_DATA_DIR: dataDir, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  return { ...result, dataDir };
}

describe('Worker start-up with a wrong setting', () => {
  it.each([
    [
      'CDCE_COORDINATION_EMAIL',
      'coordination',
      /^cdce worker cannot start: CDCE_COORDINATION_EMAIL=coordination is not/,
    ],
    [
      'CDCE_WEBINAR_RULE',
      'every tuesday',
      /^cdce worker cannot start: Webinar rule "every tuesday" is not of the form/,
    ],
  ])('refuses %s=%s with one line saying what to fix', (name, value, message) => {
    const { status, stderr, dataDir } = startWorker({ [name]: value });
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
