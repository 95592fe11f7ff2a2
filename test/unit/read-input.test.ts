/**
 * How every input file is read (src/load/read-input.ts): whole, whatever its size up to the cap, as UTF-8 text,
 * and refused by name when it is another encoding or no text at all.
 */
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputText, readUpTo } from '../../src/load/read-input.js';
import { ReportError } from '../../src/report-error/finding.js';

const dir = mkdtempSync(join(tmpdir(), 'read-input-'));
let count = 0;
const fileOf = (bytes: Uint8Array | string) => {
  const file = join(dir, `f${count++}.yaml`);
  writeFileSync(file, bytes);
  return file;
};
const refusal = (file: string) => {
  try {
    readInputText(file, { displayPath: 'x.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return (error as ReportError).findings.map((f) => f.message).join('\n');
  }
  throw new Error('read, not refused');
};

describe('readInputText', () => {
  it('reads files of any size up to the cap, byte for byte', () => {
    for (const size of [0, 1, 4095, 4096, 65_537, MAX_INPUT_BYTES]) {
      const text = '数据'.repeat(Math.floor(size / 6)) + 'a'.repeat(size % 6);
      expect(Buffer.byteLength(text), `size ${size}`).toBe(size);
      expect(readInputText(fileOf(text)), `size ${size}`).toBe(text);
    }
  });

  it('drops a byte-order mark', () => {
    expect(readInputText(fileOf('\uFEFFyear: 2020\n'))).toBe('year: 2020\n');
  });

  it('refuses a file over the cap', () => {
    expect(refusal(fileOf('a'.repeat(MAX_INPUT_BYTES + 1)))).toContain('超过 4 MB');
  });

  it('names the encoding of a file that is not UTF-8', () => {
    expect(refusal(fileOf(Buffer.from('\uFEFF年度: 2020\n', 'utf16le')))).toContain('疑似 UTF-16LE');
    expect(refusal(fileOf(Buffer.from('year: 2020\n', 'utf16le')))).toContain('疑似 UTF-16LE');
    // 「年度」 in GBK.
    expect(refusal(fileOf(Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0x32, 0x0a])))).toContain('疑似 GBK');
    expect(refusal(fileOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x01])))).toContain('不是文本文件');
  });
});

describe('readUpTo', () => {
  it('grows its buffer when the file is longer than it was when checked', () => {
    const text = 'x'.repeat(100_000);
    const fd = openSync(fileOf(text), 'r');
    try {
      expect(readUpTo(fd, 1_000_000, 10).toString()).toBe(text);
    } finally {
      closeSync(fd);
    }
  });

  it('stops at the limit', () => {
    const fd = openSync(fileOf('y'.repeat(5000)), 'r');
    try {
      expect(readUpTo(fd, 1001, 3).length).toBe(1001);
    } finally {
      closeSync(fd);
    }
  });
});
