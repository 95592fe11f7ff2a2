/**
 * The legacy 统计表: rows the table implies as sums are computed when not typed. A typed sum that disagrees
 * with its parts is printed as typed and reported as a warning (L1–L6): published legacy reports break these
 * sums, and the table never printed them as rules.
 */
import { getAt, setAt, type ComputedStatistics } from '../../compute/statistics.js';
import type { SourceMap } from '../../contracts/source-map.js';
import type { Finding } from '../../report-error/finding.js';
import { STATISTICS_ROWS, SUM_RULES, type StatisticsRow } from './statistics-rows.js';

export function computeLegacyStatistics(data: Record<string, unknown>, source: SourceMap): ComputedStatistics {
  const cells = new Map<string, string>();
  const findings: Finding[] = [];
  const statistics = data.statistics as Record<string, unknown> | undefined;
  if (!statistics) return { tree: {}, cells, findings };

  const tree = structuredClone(statistics);
  const byPath = new Map(STATISTICS_ROWS.filter((r) => r.path).map((r) => [r.path!.join('.'), r]));
  const memo = new Map<string, number | null>();

  const valueOf = (path: string[]): number | null => {
    const key = path.join('.');
    if (memo.has(key)) return memo.get(key)!;
    const found = getAt(statistics, path);
    const typed = typeof found === 'number' ? found : null;
    const row = byPath.get(key);
    let value: number | null = typed;
    if (row?.sumOf) {
      const parts = row.sumOf.map((part) => ({ row: byPath.get(part.join('.'))!, value: valueOf(part) }));
      const sum = parts.reduce((total, part) => total + (part.value ?? 0), 0);
      if (typeof typed === 'number' && typed !== sum) findings.push(sumFinding(row, typed, sum, parts, source));
      if (typeof typed !== 'number') findings.push(computedNotice(row, sum, source));
      value = typeof typed === 'number' ? typed : sum;
      setAt(tree, path, value);
    }
    memo.set(key, value);
    return value;
  };

  for (const row of STATISTICS_ROWS) {
    if (!row.path) continue;
    const value = valueOf(row.path);
    const typedText = source.sourceTextOf(['statistics', ...row.path]);
    const shown = value === null ? '' : row.money && typedText && /^[0-9.]+$/.test(typedText) ? typedText : String(value);
    cells.set(['statistics', ...row.path].join('.'), shown);
  }
  return { tree: { statistics: tree }, cells, findings };
}

/** A sum left blank is printed as computed; the clerk is told, since the printed table shows it as typed. */
function computedNotice(row: StatisticsRow, sum: number, source: SourceMap): Finding {
  return {
    severity: 'info',
    rule: 'L9',
    message: `统计表「${row.label}」未填写，按其分项之和 ${sum} 计算并印出`,
    at: source.positionOf(['statistics', ...row.path!]),
  };
}

function sumFinding(
  row: StatisticsRow,
  typed: number,
  sum: number,
  parts: Array<{ row: StatisticsRow; value: number | null }>,
  source: SourceMap,
): Finding {
  const terms = parts.map((p) => `${p.row.label} ${p.value ?? '（空白）'}`).join(' + ');
  return {
    severity: 'warning',
    rule: SUM_RULES[row.path!.join('.')] ?? 'L',
    message: `统计表「${row.label}」填写 ${typed}，但其分项之和为 ${sum}（${terms}）`,
    at: source.positionOf(['statistics', ...row.path!]),
  };
}
