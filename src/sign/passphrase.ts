/**
 * The PKCS#12 passphrase: from REPORT_GEN_P12_PASSPHRASE, or asked for on the terminal without echo. Never from
 * the command line, where it would stay in the shell history and the process list.
 */
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';

export const PASSPHRASE_VARIABLE = 'REPORT_GEN_P12_PASSPHRASE';

export async function readPassphrase(): Promise<string> {
  const fromEnvironment = process.env[PASSPHRASE_VARIABLE];
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (!process.stdin.isTTY) {
    throw new ReportError([errorFinding('SIGN', `请输入证书密码：设置环境变量 ${PASSPHRASE_VARIABLE}，或在终端中运行以便输入`)], EXIT.unusableInput);
  }
  process.stderr.write('证书密码：');
  return new Promise((resolve) => {
    let typed = '';
    process.stdin.setRawMode(true);
    process.stdin.resume();
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    process.stdin.on('data', onData);
  });
}

/**
 * The signing time: SOURCE_DATE_EPOCH when set (reproducible output), else `document.signed_on` of the data
 * (noon, Beijing time), else now.
 */
export function signingTime(signedOn?: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (signedOn) return new Date(`${signedOn}T12:00:00+08:00`);
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
