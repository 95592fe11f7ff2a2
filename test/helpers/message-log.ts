/**
 * Every message report-gen prints in the suite is logged here (when the suite's global set-up asks for it), so that
 * the teardown can check that none of them is English prose.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export const MESSAGE_LOG_VARIABLE = 'REPORT_GEN_TEST_MESSAGE_LOG';

export function recordMessages(origin: string, text: string): void {
  const dir = process.env[MESSAGE_LOG_VARIABLE];
  if (!dir || !text.trim()) return;
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify({ origin, text })}\n`);
}
