/**
 * Finds the figures of the narrative that name a table quantity (the phrase table) and what the tables say.
 * Only figures typed as digits are read; a `{{…}}` expression is computed from the tables and always agrees.
 * Whenever the subject of a figure is not certain, the figure is left out.
 */
import { getAt } from '../../compute/statistics.js';
import { phraseTable, type CellRef, type Claim, type Quantity } from './phrase-table.js';

export interface NarrativeFigure {
  /** The key below `text` (overview, problems, …). */
  key: string;
  /** Index of the figure's first digit in the text value. */
  index: number;
  figure: string;
  unit: string;
  /** The words of the phrase, the figure and its unit, as typed. */
  span: string;
  quantity: string;
  label: string;
  /** The cell's value in the unit of the table. */
  value: number;
  /** The statistic to write instead (`requests.received.total`), when one expression gives the cell. */
  expression?: string;
  /** The statistics a sum adds up (予以公开及部分公开), to be written one by one. */
  parts?: string[];
  agrees: boolean;
}

export interface FalseClaim {
  key: string;
  index: number;
  words: string;
  name: string;
  /** What the tables say instead, in Chinese. */
  tables: string;
}

const CLAUSE_END = /[，,、；;。：:！？!?\n]/;
const LIST_END = /[，,；;。：:！？!?\n]/;
const SENTENCE_END = /[；;。！？!?\n]/;

/** Every figure of the narrative texts that names a table quantity with a value in the tables. */
export function findNarrativeFigures(texts: Record<string, unknown>, tree: Record<string, unknown>, year?: number): NarrativeFigure[] {
  const table = phraseTable();
  const found: NarrativeFigure[] = [];
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value !== 'string') continue;
    // The longest phrase before a figure names it: one candidate per figure, the one starting first.
    const best = new Map<number, { start: number; quantity: Quantity; match: RegExpExecArray; tie: boolean }>();
    for (const quantity of table.quantities) {
      for (const match of value.matchAll(quantity.regex)) {
        const { figure, unit } = match.groups!;
        const index = match.index! + match[0].length - figure!.length - unit!.length;
        const current = best.get(index);
        if (!current || match.index! < current.start) best.set(index, { start: match.index!, quantity, match, tie: false });
        else if (match.index === current.start && current.quantity !== quantity) current.tie = true;
      }
    }
    for (const [index, { start, quantity, match, tie }] of [...best].sort((a, b) => a[0] - b[0])) {
      if (tie) continue;
      const { figure, unit } = match.groups as { figure: string; unit: string };
      const end = index + figure.length + unit.length;
      if (/^(?:以上|以下|左右|上下|次|余|多)/.test(value.slice(end))) continue;
      const ownYear = year ? new RegExp(`${year}年度?`, 'g') : /(?!)/g;
      const clause = value.slice(boundaryBefore(value, start, CLAUSE_END), index).replace(ownYear, '');
      // A list joined by 、 shares its verb: 「行政复议、行政诉讼共2件」 is no count of 行政诉讼 alone.
      const list = value.slice(boundaryBefore(value, start, LIST_END), index);
      if (table.skipClause.test(clause) || quantity.unless?.test(list)) continue;
      const cell = cellFor(quantity, value, index, tree);
      if (!cell) continue;
      const typed = Number(figure) / (quantity.money && unit === '元' && cell.unit === '万元' ? 10000 : 1);
      found.push({
        key,
        index,
        figure,
        unit,
        span: value.slice(start, end),
        quantity: quantity.name,
        label: cell.label,
        value: cell.value,
        ...(cell.expression && !quantity.money ? { expression: cell.expression } : {}),
        ...(cell.parts ? { parts: cell.parts } : {}),
        agrees: Math.abs(typed - cell.value) < 1e-9,
      });
    }
  }
  return found;
}

/** Words that claim an outcome (均获维持, 无一被纠正, 全部办结) which the tables contradict. */
export function findFalseClaims(texts: Record<string, unknown>, tree: Record<string, unknown>): FalseClaim[] {
  const claims: FalseClaim[] = [];
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value !== 'string') continue;
    for (const claim of phraseTable().claims) {
      for (const match of value.matchAll(claim.regex)) {
        const sentence = value.slice(boundaryBefore(value, match.index!, SENTENCE_END), boundaryAfter(value, match.index! + match[0].length, SENTENCE_END));
        if (claim.unless?.test(sentence)) continue;
        const contradiction = contradicts(claim, sentence, tree);
        if (contradiction) claims.push({ key, index: match.index!, words: match[0], name: claim.name, tables: contradiction });
      }
    }
  }
  return claims;
}

function boundaryBefore(text: string, index: number, end: RegExp): number {
  let i = index;
  while (i > 0 && !end.test(text[i - 1]!)) i--;
  return i;
}

function boundaryAfter(text: string, index: number, end: RegExp): number {
  let i = index;
  while (i < text.length && !end.test(text[i]!)) i++;
  return i;
}

interface ResolvedCell {
  label: string;
  value: number;
  expression?: string;
  parts?: string[];
  unit?: string;
}

function cellFor(quantity: Quantity, text: string, index: number, tree: Record<string, unknown>): ResolvedCell | undefined {
  if (!quantity.subject) return firstAvailable(quantity.cells, tree, quantity.money);
  // The subject word nearest before the figure in the same sentence.
  const sentence = text.slice(boundaryBefore(text, index, SENTENCE_END), index);
  let nearest: { at: number; cell: CellRef } | undefined;
  for (const [word, cell] of quantity.subject) {
    const at = sentence.lastIndexOf(word);
    if (at >= 0 && (!nearest || at + word.length > nearest.at)) nearest = { at: at + word.length, cell };
  }
  if (!nearest) return undefined;
  const { legacy, ...national } = nearest.cell;
  return firstAvailable([national, ...(legacy ? [{ path: legacy, label: national.label }] : [])], tree, quantity.money);
}

/** The first cell whose every part is a number in the tables (a blank legacy cell has none). */
function firstAvailable(cells: readonly CellRef[], tree: Record<string, unknown>, money: boolean): ResolvedCell | undefined {
  for (const cell of cells) {
    const parts = cell.path.split('+').map((p) => p.trim());
    const values = parts.map((p) => getAt(tree, p.split('.')));
    const numbers = values.filter((v): v is number => typeof v === 'number');
    if (numbers.length !== values.length) continue;
    return {
      label: cell.label,
      value: numbers.reduce((a, b) => a + b, 0),
      ...(parts.length === 1 ? { expression: parts[0]! } : { parts }),
      ...(money ? { unit: '万元' } : {}),
    };
  }
  return undefined;
}

type Block = Record<string, number | null | undefined>;

function appealBlocks(sentence: string, tree: Record<string, unknown>): Array<{ label: string; block: Block }> {
  const blocks: Array<{ label: string; block: Block }> = [];
  const add = (label: string, path: string) => {
    const block = getAt(tree, path.split('.'));
    if (block && typeof block === 'object') blocks.push({ label, block: block as Block });
  };
  const review = /复议|復議/.test(sentence.replace(/(?:未经|經)?复议后?(?:直接)?起诉|未經復議/g, ''));
  const litigation = /诉讼|訴訟/.test(sentence);
  if (review) {
    add('表四「行政复议」', 'appeals.review');
    add('统计表「四、行政复议数量」', 'statistics.reviews');
  }
  if (litigation) {
    add('表四「行政诉讼 未经复议直接起诉」', 'appeals.litigation_direct');
    add('表四「行政诉讼 复议后起诉」', 'appeals.litigation_after_review');
    add('统计表「五、行政诉讼数量」', 'statistics.litigation');
  }
  return blocks;
}

const OUTCOME_LABELS: Array<[key: string, label: string]> = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
];

/** What the tables say against the claim, or undefined when they agree or the sentence names no subject. */
function contradicts(claim: Claim, sentence: string, tree: Record<string, unknown>): string | undefined {
  if (claim.check === 'all_completed') {
    if (!/申请|申請/.test(sentence)) return undefined;
    const carried = getAt(tree, ['requests', 'carried_out', 'total']);
    if (typeof carried === 'number') return carried > 0 ? `表三「四、结转下年度继续办理」「总计」为 ${carried}` : undefined;
    const received = getAt(tree, ['statistics', 'requests', 'received', 'total']);
    const completed = getAt(tree, ['statistics', 'requests', 'completed', 'total']);
    if (typeof received === 'number' && typeof completed === 'number' && completed < received) {
      return `统计表「（一）收到申请数」为 ${received}，「（二）申请办结数」为 ${completed}`;
    }
    return undefined;
  }
  const blocks = appealBlocks(sentence, tree);
  const wrong = blocks.filter(({ block }) =>
    claim.check === 'all_upheld'
      ? OUTCOME_LABELS.some(([key]) => key !== 'upheld' && (block[key] ?? 0) > 0)
      : (block.corrected ?? 0) > 0,
  );
  if (wrong.length === 0) return undefined;
  return wrong
    .map(({ label, block }) => `${label}${OUTCOME_LABELS.filter(([key]) => typeof block[key] === 'number').map(([key, name]) => `「${name}」${block[key]}`).join('、')}`)
    .join('；');
}
