/**
 * The DOCX body report-gen writes itself (src/writers/docx/wordml.ts) against the docx library writing the same
 * parts: the writer's paragraphs and tables given to docx as its own Paragraph, Table and TextRun objects, packed
 * in the same package document. word/document.xml and every other part must be the same bytes, for the examples,
 * generated reports (seeded, the seed named on failure) and text with the characters XML escapes.
 */
import { join } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  FrameAnchorType,
  FrameWrap,
  HeightRule,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  XmlComponent,
  type FileChild,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { Align, ReportDocument } from '../src/model/document.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { prepareFromSource, prepareReport } from '../src/pipeline/prepare-report.js';
import type { BodyPart, ParagraphPart, TablePart } from '../src/writers/docx/docx-parts.js';
import { unzipSync } from 'fflate';
import { bodyParts, writeDocx } from '../src/writers/docx/write-docx.js';
import { docxPackageParts, packageDocument } from '../src/writers/docx/package-document.js';
import { OWN_PARTS, packageParts } from '../src/writers/docx/package-parts.js';
import { crc32, inflateRawSync } from 'node:zlib';
import { ROOT } from './helpers/cli.js';
import { readDocxPart } from './readers/docx.js';
import { corpusReport } from './helpers/layout-corpus.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const satisfies Record<Align, unknown>;

class NoWrap extends XmlComponent {
  constructor() {
    super('w:noWrap');
  }
}

function referenceParagraph(p: ParagraphPart): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: p.rules ?? 0, color: '000000', space: 0 };
  return new Paragraph({
    style: p.style,
    ...(p.keepNext ? { keepNext: true } : {}),
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(p.frame
      ? {
          frame: {
            type: 'absolute' as const,
            position: { x: p.frame.x, y: p.frame.y },
            anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
            width: p.frame.width,
            height: p.frame.height,
            rule: HeightRule.EXACT,
            wrap: FrameWrap.AROUND,
          },
        }
      : {}),
    ...(p.rules !== undefined ? { border: { top: rule, bottom: rule } } : {}),
    ...(p.rightTab !== undefined ? { tabStops: [{ type: TabStopType.RIGHT, position: p.rightTab }] } : {}),
    ...(p.spacingBefore !== undefined ? { spacing: { before: p.spacingBefore } } : {}),
    ...(p.indent ? { indent: p.indent } : {}),
    ...(p.align ? { alignment: ALIGN[p.align] } : {}),
    children: p.runs.map((run) => new TextRun({ ...(run.text !== undefined ? { text: run.text } : {}), ...(run.breakBefore ? { break: 1 } : {}) })),
  });
}

function referenceTable(t: TablePart): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: t.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: t.widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: t.margin, right: t.margin, top: 0, bottom: 0 },
    rows: t.rows.map(
      (row) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.cells.map((cell) => {
            const made = new TableCell({
              ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
              width: { size: cell.width, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              ...(cell.merge ? { verticalMerge: cell.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
              children: cell.paragraphs.map(
                (p) =>
                  new Paragraph({
                    style: t.style,
                    alignment: ALIGN[p.align],
                    ...(p.indent ? { indent: { left: p.indent } } : {}),
                    ...(row.kept ? { keepNext: true } : {}),
                    children: p.text === undefined ? [] : [new TextRun(p.text)],
                  }),
              ),
            });
            if (cell.noWrap) {
              // w:noWrap before w:vAlign, as CT_TcPr orders them.
              const properties = (made as unknown as { properties: { root: Array<{ rootKey?: string }> } }).properties.root;
              properties.splice(properties.findIndex((child) => child.rootKey === 'w:vAlign'), 0, new NoWrap() as never);
            }
            return made;
          }),
        }),
    ),
  });
}

function referenceChildren(parts: readonly BodyPart[]): FileChild[] {
  return parts.map((part) =>
    part.kind === 'paragraph' ? referenceParagraph(part) : part.kind === 'table' ? referenceTable(part) : new Paragraph({ children: [new PageBreak()] }),
  );
}


/** The parts of a zip file in its order, uncompressed. */
const zipEntries = (zip: Buffer) => Object.entries(unzipSync(new Uint8Array(zip))).map(([path, data]) => ({ path, data: Buffer.from(data) }));

async function compare(document: ReportDocument, where: string): Promise<void> {
  const ours = zipEntries(writeDocx(document));
  const reference = zipEntries(await Packer.toBuffer(packageDocument(referenceChildren(bodyParts(document.blocks)))));
  // The same parts in the same order, and every part docx writes the same bytes.
  expect(ours.map((e) => e.path), where).toEqual(reference.map((e) => e.path));
  expect(ours.find((e) => e.path === 'word/document.xml')!.data.toString('utf8'), `${where}: word/document.xml`).toBe(
    reference.find((e) => e.path === 'word/document.xml')!.data.toString('utf8'),
  );
  ours.forEach(({ path, data }, i) => {
    if (!OWN_PARTS.has(path)) expect(data.equals(reference[i]!.data), `${where}: ${path}`).toBe(true);
  });
}

const EXAMPLES = ['data/2020.yaml', 'data/2021.yaml', 'data/dongfeng/2011.yaml', 'data/xinfeng/2017.yaml', 'data/example-county/nanhu/2021.yaml', 'data/example-county/county/2021.yaml'];

describe('the DOCX body written by report-gen', () => {
  it('sits in the package parts that docx writes now (dist/docx-package.json, made by npm run build)', async () => {
    expect(packageParts().map(({ path, text }) => ({ path, text }))).toEqual(await docxPackageParts());
    expect(packageParts().map((p) => p.path)).toContain('word/document.xml');
    // The compressed bytes kept beside each text are that text's (checked with zlib's inflate, not fflate's deflate).
    for (const part of packageParts()) {
      if (OWN_PARTS.has(part.path)) continue;
      const bytes = Buffer.from(part.text, 'utf8');
      expect(inflateRawSync(Buffer.from(part.deflated, 'base64')).equals(bytes), part.path).toBe(true);
      expect([part.crc, part.size], part.path).toEqual([crc32(bytes), bytes.length]);
    }
  });

  it('is what docx writes for the same parts, for every example', async () => {
    for (const file of EXAMPLES) await compare(prepareReport(join(ROOT, file)).document, file);
  });

  it('is what docx writes for the same parts, for generated reports (seeds 1–60)', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { yaml } = corpusReport(seed);
      const file = join(ROOT, 'data', `corpus-${seed}.yaml`);
      await compare(prepareFromSource(YamlSource.parse(yaml, file, file)).document, `seed ${seed}`);
    }
  });

  it('escapes text as docx does, and gives an empty cell its paragraph', async () => {
    const prepared = prepareReport(join(ROOT, 'data/2021.yaml'));
    const awkward = 'A&B <c> "d" \'e\'\tf\u0001g\u000bh\u001fi\r\n“引号”';
    const blocks = prepared.document.blocks.map((block) => {
      if (block.kind === 'paragraph') return { ...block, text: block.text + awkward };
      if (block.kind === 'table') return { ...block, rows: block.rows.map((row, r) => ({ ...row, cells: row.cells.map((cell, c) => (r === 1 && c === 0 ? { ...cell, lines: [] } : cell)) })) };
      return block;
    });
    await compare({ ...prepared.document, blocks }, 'escapes');
    // The colophon (版记) and a title of three lines, which the examples above do not all have.
    const legacy = prepareReport(join(ROOT, 'data/xinfeng/2017.yaml')).document;
    expect(legacy.blocks.some((b) => b.kind === 'colophon')).toBe(true);
    const titled = legacy.blocks.map((b) => (b.kind === 'title' ? { ...b, lines: [...b.lines, '', '（第三行）'] } : b));
    await compare({ ...legacy, blocks: titled }, 'colophon and title');
  });

  it("reads every paragraph's text back from word/document.xml, in order", async () => {
    const document = prepareReport(join(ROOT, 'data/2020.yaml')).document;
    const xml = readDocxPart(writeDocx(document), 'word/document.xml');
    const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
    const texts = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&\w+;/g, (e) => entities[e] ?? e));
    const paragraphs = document.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs.length).toBeGreaterThan(5);
    let at = 0;
    for (const text of paragraphs) {
      at = texts.indexOf(text, at);
      expect(at, text).toBeGreaterThanOrEqual(0);
    }
  });
});
