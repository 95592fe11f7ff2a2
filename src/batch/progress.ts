/**
 * Progress of a batch: a bar on a terminal, plain lines otherwise (CI logs, files, pipes).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  done(label: string, ok: boolean): void;
  stop(): void;
}

export function createProgress(total: number): Progress {
  if (process.stderr.isTTY && !process.env.CI) {
    const bar = new cliProgress.SingleBar(
      { format: '生成中 [{bar}] {value}/{total} {label}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { label: '' });
    return { done: (label) => bar.increment({ label }), stop: () => bar.stop() };
  }
  let count = 0;
  return {
    done: (label, ok) => process.stdout.write(`[${++count}/${total}] ${ok ? '完成' : '失败'} ${label}\n`),
    stop: () => undefined,
  };
}
