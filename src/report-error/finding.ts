/**
 * A finding is one problem with the input, pointing at where it is. Every user-facing failure is a list of
 * findings, printed one per line in Chinese, never a stack trace.
 */

export interface SourcePosition {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

import type { RuleId } from './rule-id.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  rule: RuleId;
  message: string;
  at?: SourcePosition;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  findings: 1,
  unusableInput: 2,
  internal: 3,
} as const;

export class ReportError extends Error {
  constructor(
    readonly findings: Finding[],
    readonly exitCode: number = EXIT.findings,
  ) {
    super(findings.map(formatFinding).join('\n'));
    this.name = 'ReportError';
  }
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function formatPosition(at: SourcePosition): string {
  return `${at.file}:${at.line}:${at.col}`;
}

/** Ids of documented rules (R1–R8, L1–L9, E1–E15, N1, C1, X0, A1, A2, T1); shape errors carry none. */
const RULE_ID = /^[RLENCXAT]\d+$/;

export function formatFinding(f: Finding): string {
  const where = f.at ? `${formatPosition(f.at)} ` : '';
  const tag = `${SEVERITY_LABEL[f.severity]} `;
  const rule = RULE_ID.test(f.rule) ? `${f.rule} ` : '';
  return `${where}${tag}${rule}${f.message}`;
}

/** Sorts findings in place by their line and column in the file, those without a position first. */
export function sortByPosition(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
}

export function errorFinding(rule: RuleId, message: string, at?: SourcePosition): Finding {
  return at ? { severity: 'error', rule, message, at } : { severity: 'error', rule, message };
}
