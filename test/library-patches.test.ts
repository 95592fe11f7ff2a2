/**
 * The guard around the library patches: a library of another version stops report-gen at start-up with one
 * message; only src/patches reaches into a library's internals; the signer gets its field and seal from the PDF
 * writer's options; the shaping cache has a bound.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../src/fonts/font-registry.js';
import { prepareReport } from '../src/pipeline/prepare-report.js';
import { writePdf } from '../src/writers/pdf/write-pdf.js';
import { readSealMask } from '../src/sign/seal.js';
import { SHAPED_RUNS_PER_FACE } from '../src/patches/fontkit-shared-faces.js';
import { LruMap } from '../src/patches/lru-map.js';
import { LIBRARY_PATCHES } from '../src/patches/library-patches.js';
import { moduleUrl, projectPath, ROOT, runCli, runScript, tempDir } from './helpers/cli.js';
import { sealPng } from './helpers/seal-image.js';
import { pdfWordList } from './readers/pdf.js';

/** A preload that makes `library`'s package.json report `version`, as a changed installation would. */
function fakeVersionPreload(library: string, version: string): string {
  const file = join(tempDir('fake-version'), 'fake-version.mjs');
  writeFileSync(
    file,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const read = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  const text = read.call(this, file, ...rest);
  if (String(file).endsWith('/node_modules/${library}/package.json')) {
    const json = JSON.parse(String(text));
    json.version = '${version}';
    return typeof text === 'string' ? JSON.stringify(json) : Buffer.from(JSON.stringify(json));
  }
  return text;
};
syncBuiltinESMExports();
`,
  );
  return pathToFileURL(file).href;
}

describe('a patched library of another version', () => {
  const libraries = [...new Map(LIBRARY_PATCHES.map((p) => [p.library, p])).values()];

  it.each(libraries.map((p) => [p.library, p.version] as const))('%s: stops at start-up with one message, exit code 3', (library, written) => {
    const out = tempDir('mismatch');
    const result = runCli(['build', 'data/2021.yaml', '-o', out], { env: { NODE_OPTIONS: `--import ${fakeVersionPreload(library, '99.0.0')}` } });
    expect(result.code).toBe(3);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^错误 内部错误：/);
    expect(lines[0]).toContain(`已安装的「${library}」为 99.0.0 版`);
    expect(lines[0]).toContain(`按 ${written} 版`);
    expect(lines[0]).toContain('「npm ci」');
    expect(result.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });

  it('every command stops, not only those that write a PDF', () => {
    const result = runCli(['check', 'data/2021.yaml'], { env: { NODE_OPTIONS: `--import ${fakeVersionPreload('fontkit', '2.0.5')}` } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('已安装的「fontkit」为 2.0.5 版');
  });

  it('the versions the patches were written for are the ones package.json pins', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; overrides: Record<string, unknown> };
    for (const { library, version } of LIBRARY_PATCHES) {
      expect(manifest.dependencies[library], library).toBe(version);
      if (library === 'fontkit' || library === 'pdfkit') expect(manifest.overrides[library], library).toBe(version);
    }
  });
});

describe('only src/patches reaches into a library', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
  const INTERNALS = [
    /\b_acroform\b|\b_root\b|\bxobjects\b|\baddContent\(/, // pdfkit's document
    /require\.cache/, // swapping modules
    /\.prototype\.\w+\s*=/, // replacing a method
    /^import (?!type)[^;]*from '(pdfkit|pdfmake|fontkit)(\/[^']*)?'/m, // loading the patched libraries around loadPdfmake / createFace
    /require\('(pdfkit|pdfmake|fontkit)/,
  ];

  it('no file outside it does', () => {
    const offenders = files(join(ROOT, 'src'))
      .filter((file) => !relative(ROOT, file).startsWith('src/patches/'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return INTERNALS.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(ROOT, file)}: ${pattern}`);
      });
    expect(offenders).toEqual([]);
  });
});

describe('the PDF writer reserves a signature field and draws a seal when asked', () => {
  const fonts = FontRegistry.create();
  const sealFile = join(tempDir('seal'), 'seal.png');
  writeFileSync(sealFile, sealPng());

  it('without moving a word, with the field on the seal over the 落款', async () => {
    const { document } = prepareReport(join(ROOT, 'data/2021.yaml'));
    const dir = tempDir('signature-marks');
    const plain = join(dir, 'plain.pdf');
    const marked = join(dir, 'marked.pdf');
    writeFileSync(plain, await writePdf(document, fonts, { archival: true }));
    const signatureField = { reason: '测试', name: '樟木乡人民政府', location: '', contactInfo: '', signingTime: new Date('2022-01-20T04:00:00Z'), contentsLength: 8192 };
    writeFileSync(marked, await writePdf(document, fonts, { archival: true, signatureField, seal: { mask: readSealMask(sealFile), size: 119 } }));
    expect(pdfWordList(marked)).toEqual(pdfWordList(plain));

    const json = JSON.parse(execFileSync('qpdf', ['--json=1', '--json-key=objects', marked], { maxBuffer: 64 << 20 }).toString()) as { objects: Record<string, Record<string, unknown>> };
    const objects = Object.values(json.objects) as Array<Record<string, unknown>>;
    const widget = objects.find((o) => o['/FT'] === '/Sig') as { '/Rect': number[]; '/F': number } | undefined;
    const signature = objects.find((o) => o['/Type'] === '/Sig') as { '/ByteRange': unknown[]; '/Contents': string } | undefined;
    const mask = objects.find((o) => o['/ImageMask'] === true);
    expect(widget).toBeDefined();
    expect(widget!['/F']).toBe(4); // printed, as PDF/A asks
    expect(signature!['/ByteRange']).toHaveLength(4);
    expect(signature!['/Contents']).toHaveLength(8192);
    expect(mask).toBeDefined();
    // The widget covers the seal: 119 pt wide, over the 落款 in the right half of the page.
    const [x1, y1, x2, y2] = widget!['/Rect'];
    expect(x2! - x1!).toBeCloseTo(119, 1);
    expect(y2! - y1!).toBeCloseTo(119, 1);
    expect(x1!).toBeGreaterThan(595.28 / 2);
    const signaturePage = pdfWordList(marked).filter((w) => w.text.includes('樟木乡人民政府')).at(-1)!;
    expect(y1!).toBeLessThan(841.89 - signaturePage.yMin);
    expect(y2!).toBeGreaterThan(841.89 - signaturePage.yMax);
  });

  it('an invisible field when no seal is drawn', async () => {
    const { document } = prepareReport(join(ROOT, 'data/2020.yaml'));
    const marked = join(tempDir('signature-marks'), 'marked.pdf');
    const signatureField = { reason: '测试', name: '测试', location: '', contactInfo: '', signingTime: new Date('2021-01-20T04:00:00Z'), contentsLength: 4096 };
    writeFileSync(marked, await writePdf(document, fonts, { archival: true, signatureField }));
    const json = JSON.parse(execFileSync('qpdf', ['--json=1', '--json-key=objects', marked], { maxBuffer: 64 << 20 }).toString()) as { objects: Record<string, Record<string, unknown>> };
    const widget = Object.values(json.objects).find((o) => o['/FT'] === '/Sig') as { '/Rect': number[] } | undefined;
    expect(widget!['/Rect']).toEqual([0, 0, 0, 0]);
    expect(readFileSync(marked, 'latin1')).not.toContain('/ImageMask');
  });
});

describe('the shaping cache has a bound', () => {
  it('keeps the most recently used entries', () => {
    const cache = new LruMap<string, number>(3);
    for (const [key, value] of [['a', 1], ['b', 2], ['c', 3]] as const) cache.set(key, value);
    expect(cache.get('a')).toBe(1); // a is now the newest
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
    expect(() => new LruMap(0)).toThrow();
  });

  it(`a face keeps at most ${SHAPED_RUNS_PER_FACE} shaped runs, and shapes as fontkit does after forgetting`, () => {
    // A new process: fontkit as published, before anything shares it.
    const result = runScript(`
      import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      const require = createRequire(${projectPath('package.json')});
      const fontkit = require('fontkit');
      const { applyLibraryPatches } = await import(${moduleUrl('dist/patches/apply-library-patches.js')});
      const { createFace, shapedRunCount, SHAPED_RUNS_PER_FACE } = await import(${moduleUrl('dist/patches/fontkit-shared-faces.js')});
      applyLibraryPatches();
      const file = require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf');
      const face = createFace(readFileSync(file));
      const plain = fontkit.create(readFileSync(file));
      const word = (n) => 'w' + n.toString(36);
      for (let n = 0; n < SHAPED_RUNS_PER_FACE + 500; n++) face.layout(word(n));
      const counts = [shapedRunCount(face)];
      const same = [0, 1, 499, SHAPED_RUNS_PER_FACE + 499].map((n) => {
        const a = face.layout(word(n));
        const b = plain.layout(word(n));
        return JSON.stringify([a.glyphs.map((g) => g.id), a.positions]) === JSON.stringify([b.glyphs.map((g) => g.id), b.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }))]);
      });
      counts.push(shapedRunCount(face));
      console.log(JSON.stringify({ counts, same }));`);
    const { counts, same } = JSON.parse(result) as { counts: number[]; same: boolean[] };
    expect(counts).toEqual([SHAPED_RUNS_PER_FACE, SHAPED_RUNS_PER_FACE]);
    expect(same).toEqual([true, true, true, true]);
  });
});

describe('modules that pdfkit, fontkit and pdfmake load for features report-gen does not use', () => {
  it('are not loaded by a PDF build, and work through their stand-ins when used', async () => {
    const out = runScript(`
      import { createRequire } from 'node:module';
      import { createCipheriv, createHash, randomBytes } from 'node:crypto';
      import { brotliCompressSync } from 'node:zlib';
      const { applyLibraryPatches } = await import(${moduleUrl('dist/patches/apply-library-patches.js')});
      applyLibraryPatches();
      const { FontRegistry } = await import(${moduleUrl('dist/fonts/font-registry.js')});
      const { prepareReport } = await import(${moduleUrl('dist/pipeline/prepare-report.js')});
      const { writePdf } = await import(${moduleUrl('dist/writers/pdf/write-pdf.js')});
      const { loadedThroughStandIn } = await import(${moduleUrl('dist/patches/deferred-modules.js')});
      const pdf = await writePdf(prepareReport(${JSON.stringify(join(ROOT, 'data', '2020.yaml'))}).document, FontRegistry.create());
      const afterBuild = [...loadedThroughStandIn];
      // The modules as pdfkit and fontkit require them, used as they use them.
      const fromPdfkit = createRequire(createRequire(${JSON.stringify(join(ROOT, 'package.json'))}).resolve('pdfmake')).resolve('pdfkit');
      const lib = createRequire(fromPdfkit);
      const aes = lib('@noble/ciphers/aes'), sha2 = lib('@noble/hashes/sha2'), utils = lib('@noble/hashes/utils');
      const key = randomBytes(32), iv = randomBytes(16), data = randomBytes(100);
      const cipher = createCipheriv('aes-256-cbc', key, iv);
      const reference = Buffer.concat([cipher.update(data), cipher.final()]);
      const brotli = createRequire(createRequire(fromPdfkit).resolve('fontkit'))('brotli/decompress.js');
      const text = Buffer.from('政府信息公开工作年度报告'.repeat(50));
      // pdfmake's, as its modules require them and as it uses them: an SVG drawn and measured, a QR code measured.
      const fromRenderer = createRequire(createRequire(${JSON.stringify(join(ROOT, 'package.json'))}).resolve('pdfmake/js/Renderer.js'));
      const svgModule = fromRenderer('./3rd-party/svg-to-pdfkit.js');
      const qrModule = fromRenderer('./qrEnc.js');
      const esModuleBeforeUse = [svgModule.__esModule, qrModule.__esModule];
      const xmldoc = createRequire(fromRenderer.resolve('./SVGMeasure.js'))('xmldoc');
      const svgText = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="red"/></svg>';
      const PDFDocument = lib('pdfkit');
      const doc = new PDFDocument({ autoFirstPage: true });
      const ops = [];
      doc.addContent = ((add) => function (data) { ops.push(String(data)); return add.call(this, data); })(doc.addContent);
      svgModule.default(doc, svgText, 0, 0, {});
      const qr = qrModule.default.measure({ qr: 'report-gen', _calcWidth: 0 });
      console.log(JSON.stringify({
        pdf: pdf.subarray(0, 5).toString('latin1'),
        afterBuild,
        aes: Buffer.from(aes.cbc(key, iv).encrypt(data)).equals(reference),
        sha: Buffer.from(sha2.sha256(data)).equals(createHash('sha256').update(data).digest()),
        concat: Buffer.from(utils.concatBytes(new Uint8Array([1, 2]), new Uint8Array([3]))).toString('hex'),
        brotli: Buffer.from(brotli(brotliCompressSync(text), text.length)).equals(text),
        esModuleBeforeUse,
        svgWidth: new xmldoc.XmlDocument(svgText).attr.width,
        // The red rectangle as a path filled in red.
        svgDrawn: ops.includes('20 10 l') && ops.includes('1 0 0 scn') && ops.includes('f'),
        qr: qr._width > 0 && qr._height > 0,
        afterUse: [...loadedThroughStandIn].sort(),
      }));`);
    const result = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(result).toEqual({
      pdf: '%PDF-',
      afterBuild: [],
      aes: true,
      sha: true,
      concat: '010203',
      brotli: true,
      // What a stand-in answers for __esModule before its module is loaded is what the module itself exports.
      esModuleBeforeUse: [true, true],
      svgWidth: '20',
      svgDrawn: true,
      qr: true,
      afterUse: ['./3rd-party/svg-to-pdfkit.js', './qrEnc.js', '@noble/ciphers/aes', '@noble/hashes/sha2', '@noble/hashes/utils', 'brotli/decompress.js', 'xmldoc'],
    });
  });

  it('answers __esModule without loading only for modules that export it', () => {
    const out = runScript(`
      import { createRequire } from 'node:module';
      const { ES_MODULES } = await import(${moduleUrl('dist/patches/deferred-modules.js')});
      const fromRenderer = createRequire(createRequire(${JSON.stringify(join(ROOT, 'package.json'))}).resolve('pdfmake/js/Renderer.js'));
      console.log(JSON.stringify([...ES_MODULES].map((specifier) => [specifier, fromRenderer(specifier).__esModule])));`);
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual([
      ['./3rd-party/svg-to-pdfkit.js', true],
      ['./qrEnc.js', true],
    ]);
  });
});
