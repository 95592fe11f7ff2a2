/**
 * Collects every message the suite's report-gen runs print and, when the suite is done, fails it if any of them
 * holds English prose (test/helpers/english.ts says what is allowed).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { englishWords } from './helpers/english.js';
import { MESSAGE_LOG_VARIABLE } from './helpers/message-log.js';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'report-gen-messages-'));
  process.env[MESSAGE_LOG_VARIABLE] = dir;
  return () => {
    const offenders: string[] = [];
    let count = 0;
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (!line) continue;
        const { origin, text } = JSON.parse(line) as { origin: string; text: string };
        count++;
        for (const printed of text.split('\n')) {
          const words = englishWords(printed);
          if (words.length) offenders.push(`${origin}\n    ${printed}\n    (${words.join(', ')})`);
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (!offenders.length) return;
    // Vitest reports an error thrown here but would still exit 0.
    process.exitCode = 1;
    throw new Error(`English in ${offenders.length} of the messages of ${count} runs:\n${[...new Set(offenders)].slice(0, 40).join('\n')}`);
  };
}
