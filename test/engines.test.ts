/**
 * `npm install` is free of engine warnings (EBADENGINE) on every Node version report-gen declares, and those
 * versions include the Node 20 and Node 22 lines. Every package the lock file installs is read from node_modules
 * (an optional package for another platform, not installed here, from its record in the lock file), and its
 * `engines.node` must admit every version of our own `engines.node`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { ROOT } from './helpers/cli.js';

interface LockEntry {
  optional?: boolean;
  engines?: unknown;
}

const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const ours = own.engines.node;

/** Each installed package's `engines.node`, keyed by its place in node_modules. */
function declaredEngines(): Map<string, string> {
  const engines = new Map<string, string>();
  for (const [place, entry] of Object.entries(lock.packages)) {
    if (!place.startsWith('node_modules/')) continue;
    const manifest = join(ROOT, place, 'package.json');
    let declared: unknown;
    if (existsSync(manifest)) declared = (JSON.parse(readFileSync(manifest, 'utf8')) as { engines?: unknown }).engines;
    else if (entry.optional) declared = entry.engines;
    else throw new Error(`${place} is in package-lock.json but not installed; run npm install`);
    const node = typeof declared === 'object' && declared !== null && !Array.isArray(declared) ? (declared as { node?: unknown }).node : undefined;
    if (typeof node === 'string') engines.set(place, node);
  }
  return engines;
}

describe('Node versions', () => {
  const engines = declaredEngines();

  it('reads the engines of the installed packages', () => {
    expect(engines.size).toBeGreaterThan(50);
    expect(engines.get('node_modules/docx')).toBeDefined();
  });

  it('are declared for both Node 20 and Node 22', () => {
    expect(semver.validRange(ours), ours).not.toBeNull();
    for (const line of ['20', '22']) {
      expect(semver.intersects(ours, `${line}.x`), `${ours} admits no Node ${line}`).toBe(true);
      // The latest release of each line (a high patch number stands for it).
      expect(semver.satisfies(`${line}.999.0`, ours), `${ours} leaves out the latest Node ${line}`).toBe(true);
    }
    expect(semver.satisfies(process.version, ours), `this Node ${process.version} is outside ${ours}`).toBe(true);
  });

  it('admitted by every installed package, for every version we declare', () => {
    const refused = [...engines]
      .filter(([, node]) => !semver.validRange(node) || !semver.subset(ours, node))
      .map(([place, node]) => `${place.replace(/^.*node_modules\//, '')}: ${node}`);
    expect(refused, `packages that would warn EBADENGINE on some Node of ${ours}`).toEqual([]);
  });
});
