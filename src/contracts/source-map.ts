/**
 * Where each value of a data file was typed. The pipeline loads the file once and hands this object down, so that
 * compute, validation and rules name positions without reaching back into the YAML loader.
 */
import type { SourcePosition } from '../report-error/finding.js';

export type DataPath = ReadonlyArray<string | number>;

export interface SourceMap {
  /** The path as shown to the user. */
  readonly displayPath: string;
  readonly absolutePath: string;
  /** Whether `path` was typed in this file (a value from an organisation profile was not). */
  has(path: DataPath): boolean;
  /** The value at `path`; its parent's when the value is absent. */
  positionOf(path: DataPath): SourcePosition;
  /** The key of the entry at `path`. */
  positionOfKey(path: DataPath): SourcePosition;
  /** A character of the string value at `path`, by its index in the value. */
  positionOfIndex(path: DataPath, value: string, index: number): SourcePosition;
  /** A line and column inside a (block) string value, both counted from 1 within the value. */
  positionInString(path: DataPath, line: number, col: number): SourcePosition;
  /** The value at `path` exactly as typed, for scalars. */
  sourceTextOf(path: DataPath): string | undefined;
  /** Every number value with the text it was typed as (0x10, 01234, 1e3 are numbers to YAML). */
  numbers(): Iterable<{ path: DataPath; value: number; typed: string }>;
  /** Every string value with its path. */
  strings(): Iterable<{ path: DataPath; value: string }>;
}
