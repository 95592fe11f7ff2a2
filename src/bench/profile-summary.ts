/**
 * Where a V8 CPU profile's time went (`node --cpu-prof`), in the phases of a build: module loading, font reading
 * and parsing, checks and templates, layout, writing, garbage collection. Each sample is charged to the first
 * phase found walking from the sampled function up to the root, so a font read while a module is evaluated counts
 * as font work, and module loading is only what no later phase claims. Samples are taken in wall time: on a busy
 * machine a phase's share holds better than its milliseconds.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export const PHASES = ['module loading', 'font reading and parsing', 'checks, templates, document model', 'layout (line breaking, pagination, pdfmake)', 'writing (pdfkit, font subsets, DOCX, files)', 'garbage collection', 'idle (waiting on the other thread, I/O)', 'other'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Rules tried in order on each frame from the sampled one upwards; the first match names the phase. Libraries that
 * serve several phases (fontkit, pdfkit's measuring) match nothing, so their time goes to the caller: fontkit's
 * shaping and its parsing of layout tables on first use are layout, its opening of a face is font reading.
 */
const RULES: Array<[Phase, (url: string, fn: string) => boolean]> = [
  ['garbage collection', (_u, fn) => fn === '(garbage collector)'],
  ['idle (waiting on the other thread, I/O)', (_u, fn) => fn === '(idle)'],
  ['writing (pdfkit, font subsets, DOCX, files)', (url, fn) => (url.includes('/pdfkit/') && /^(end|finalize|embed|_write|write|addContent)$/.test(fn)) || url === 'node:zlib'],
  ['font reading and parsing', (url) => /\/fonts\/font-registry\.js|\/patches\/fontkit-(glyf-on-demand|shared-faces)\.js$/.test(url)],
  ['writing (pdfkit, font subsets, DOCX, files)', (url) => /\/pdfmake\/js\/(Renderer|PDFDocument|TextDecorator)\.js$|\/writers\/docx\/|\/node_modules\/(docx|jszip|fflate)\/|\/dist\/output\//.test(url)],
  ['layout (line breaking, pagination, pdfmake)', (url) => url.includes('/writers/pdf/') || url.includes('/pdfmake/')],
  ['checks, templates, document model', (url) => /\/dist\/(check|load|compute|templating|markup|formats|pipeline|rules|model|schema)\//.test(url) || /\/node_modules\/(yaml|handlebars|zod|htmlparser2)\//.test(url)],
  ['module loading', (url) => url.startsWith('node:internal/modules') || url.startsWith('node:internal/vm')],
];

export function summarise(file: string): Map<Phase, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const phaseOf = new Map<number, Phase>();
  const classify = (id: number): Phase => {
    const known = phaseOf.get(id);
    if (known) return known;
    let phase: Phase = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { url, functionName } = byId.get(at)!.callFrame;
      const rule = RULES.find(([, test]) => test(url, functionName));
      if (rule) {
        phase = rule[0];
        break;
      }
    }
    phaseOf.set(id, phase);
    return phase;
  };
  const totals = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
  profile.samples.forEach((id, i) => {
    const phase = classify(id);
    totals.set(phase, totals.get(phase)! + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

/** The phases of one or more profiles (one per thread) as lines of text, in ms. */
export function formatSummary(files: string[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const totals = summarise(file);
    const all = [...totals.values()].reduce((a, b) => a + b, 0);
    lines.push(`${file}  (${all.toFixed(0)} ms sampled)`);
    for (const [phase, ms] of totals) if (ms > 0) lines.push(`  ${phase.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / all).toFixed(0).padStart(4)} %`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatSummary(process.argv.slice(2)));
