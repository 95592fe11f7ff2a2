/**
 * One archive run at a time per report folder: a lock file created exclusively, holding the owner's process id.
 * A lock left by a process that no longer runs is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';

export const LOCK_FILE = '.lock';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function withArchiveLock<T>(reportDir: string, work: () => Promise<T>, waitMs = 300_000): Promise<T> {
  const file = join(reportDir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSafe(file));
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new ReportError([errorFinding('ARCHIVE', `归档目录正被另一个归档进程使用（${file}）`)], EXIT.unusableInput);
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
