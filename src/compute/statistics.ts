/**
 * The computed statistics of a report (what an edition's compute stage returns) and the data-path helpers the
 * stages share.
 */
import type { Finding } from '../report-error/finding.js';

export type RowValues = Record<string, number>;

export interface ComputedStatistics {
  /** Nested object mirroring the data paths, with rows as {natural_person, …, total}. */
  tree: Record<string, unknown>;
  /** Display text of every printable cell, keyed by dotted path. */
  cells: Map<string, string>;
  findings: Finding[];
}

export function getAt(object: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = object;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

type Path = ReadonlyArray<string | number>;
const shapeBug = (path: Path, shape: string) => new Error(`validated data holds no ${shape} at ${path.join('.')}`);

/** The count a validated report holds at a path. Another shape there is a bug in validation, not bad input. */
export function countAt(object: unknown, path: Path): number {
  const value = getAt(object, path);
  if (typeof value !== 'number') throw shapeBug(path, 'number');
  return value;
}

/** The row of counts (an applicant row) a validated report holds at a path. */
export function rowAt(object: unknown, path: Path): number[] {
  const value = getAt(object, path);
  if (!Array.isArray(value) || !value.every((n) => typeof n === 'number')) throw shapeBug(path, 'row of numbers');
  return value;
}

/** The counts by key (an appeal block) a validated report holds at a path. */
export function countsAt(object: unknown, path: Path): Record<string, number> {
  const value = getAt(object, path);
  if (!value || typeof value !== 'object' || !Object.values(value).every((n) => typeof n === 'number' || n === undefined)) throw shapeBug(path, 'counts');
  return value as Record<string, number>;
}

export function setAt(object: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = object;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** The object at `path` when each of `keys` holds a number there; undefined otherwise (absent, or data of another shape). */
export function numbersAt<K extends string>(object: unknown, path: ReadonlyArray<string | number>, keys: readonly K[]): Record<K, number> | undefined {
  const node = getAt(object, path);
  if (node === null || typeof node !== 'object') return undefined;
  const values = node as Record<string, unknown>;
  return keys.every((key) => typeof values[key] === 'number') ? (values as Record<K, number>) : undefined;
}
