/** Reads a PDF with poppler: words with positions, fonts, page count and size, page text. */
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!;
  });

/** Every word (pdftotext -bbox), with its 1-based page. */
export function pdfWordList(file: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (/<page /.test(line)) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decode(m[5]!) });
  }
  return words;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** pdffonts, parsed by the column boundaries of its dashes line. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  const dashes = lines[1] ?? '';
  const columns: Array<[number, number]> = [];
  for (const m of dashes.matchAll(/-+/g)) columns.push([m.index!, m.index! + m[0].length]);
  return lines
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      const field = (i: number) => line.slice(columns[i]![0], i + 1 < columns.length ? columns[i + 1]![0] : undefined).trim();
      return { name: field(0), type: field(1), embedded: field(3) === 'yes', subset: field(4) === 'yes' };
    });
}

export function pdfInfo(file: string): { pages: number; pageSize: { width: number; height: number } } {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(text);
  return { pages, pageSize: { width: Number(size?.[1]), height: Number(size?.[2]) } };
}

export function pdfPageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}
