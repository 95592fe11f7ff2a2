/** The example reports, built once per test file through the real command line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildInto, ROOT } from './cli.js';

export const EXAMPLES = [
  { file: 'data/2020.yaml', format: 'national-2019' },
  { file: 'data/2021.yaml', format: 'national-2021' },
] as const;

const built = new Map<string, ReturnType<typeof buildInto>>();

export function builtExample(file: string): ReturnType<typeof buildInto> {
  let result = built.get(file);
  if (!result) {
    result = buildInto(join(ROOT, file));
    built.set(file, result);
  }
  return result;
}

export function exampleData(file: string): Record<string, any> {
  return parse(readFileSync(join(ROOT, file), 'utf8'));
}

const sum = (values: number[]) => values.slice(0, 6).reduce((a, b) => a + b, 0);

/** The 表三 rows of a data file in printed order, with the 总计 column computed here, independently. */
export function expectedTable3(data: Record<string, any>): Array<{ label: string; values: number[] }> {
  const req = data.requests;
  const row = (label: string, cells: number[]) => ({ label, values: [...cells.slice(0, 6), sum(cells)] });
  const results: Array<[string, number[]]> = [];
  const push = (label: string, cells: number[]) => results.push([label, cells]);
  push('（一）予以公开', req.results.disclosed);
  push('（二）部分公开', req.results.partly_disclosed);
  for (const [label, cells] of Object.entries(req.results.withheld)) push(label, cells as number[]);
  for (const [label, cells] of Object.entries(req.results.unavailable)) push(label, cells as number[]);
  for (const [label, cells] of Object.entries(req.results.not_processed)) push(label, cells as number[]);
  if (Array.isArray(req.results.other)) push('（六）其他处理', req.results.other);
  else for (const [label, cells] of Object.entries(req.results.other)) push(label, cells as number[]);
  const total = [0, 1, 2, 3, 4, 5].map((i) => results.reduce((s, [, cells]) => s + cells[i]!, 0));
  return [
    row('一、本年新收政府信息公开申请数量', req.received),
    row('二、上年结转政府信息公开申请数量', req.carried_in),
    ...results.map(([label, cells]) => row(label, cells)),
    row('（七）总计', total),
    row('四、结转下年度继续办理', req.carried_out),
  ];
}
