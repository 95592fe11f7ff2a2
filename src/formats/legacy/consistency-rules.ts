/**
 * L7 and L8 of the legacy 统计表 (formats.md §4.2): 其中 rows and channels may not exceed their row, and
 * applications received, completed and answered should agree (the table has no carry-over row).
 * Warnings only: the table never printed them as rules.
 */
import type { Rule } from '../../contracts/rule.js';
import { getAt } from '../../compute/statistics.js';
import type { Finding } from '../../report-error/finding.js';
import type { RuleId } from '../../report-error/rule-id.js';
import { STATISTICS_ROWS } from './statistics-rows.js';

const label = (path: string) => STATISTICS_ROWS.find((r) => r.path?.join('.') === path)!.label;

const NOT_ABOVE: Array<[part: string, whole: string]> = [
  ['active.normative_published', 'active.total'],
  ['active.normative_published', 'active.normative_issued'],
  ['responses.press_conferences_by_leaders', 'responses.press_conferences'],
  ['responses.interviews_by_leaders', 'responses.interviews'],
  ...['gazette', 'website', 'weibo', 'wechat', 'other'].map((c): [string, string] => [`active.channels.${c}`, 'active.total']),
];

export const checkLegacyConsistency: Rule = ({ statistics, source }) => {
  const tree = statistics.tree.statistics as Record<string, unknown> | undefined;
  if (!tree) return [];
  const value = (path: string) => {
    const found = getAt(tree, path.split('.'));
    return typeof found === 'number' ? found : undefined;
  };
  const at = (path: string) => source.positionOf(['statistics', ...path.split('.')]);
  const findings: Finding[] = [];
  const warn = (rule: RuleId, path: string, message: string) => findings.push({ severity: 'warning', rule, message, at: at(path) });

  for (const [part, whole] of NOT_ABOVE) {
    const a = value(part);
    const b = value(whole);
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      warn('L7', part, `统计表「${label(part)}」${a} 大于「${label(whole)}」${b}`);
    }
  }

  const received = value('requests.received.total');
  const completed = value('requests.completed.total');
  const answered = value('requests.answered.total');
  if (typeof received === 'number' && typeof completed === 'number' && completed !== received) {
    const relation = completed > received ? '多于' : '少于';
    warn('L8', 'requests.completed', `统计表「（二）申请办结数」${completed} ${relation}「（一）收到申请数」${received}（统计表没有结转行，收到的申请通常应全部办结）`);
  }
  if (typeof received === 'number' && typeof answered === 'number' && answered !== received) {
    const relation = answered > received ? '多于' : '少于';
    warn('L8', 'requests.answered', `统计表「（三）申请答复数」${answered} ${relation}「（一）收到申请数」${received}`);
  }
  return findings;
};
