/**
 * One fontkit for the font registry and for pdfkit. pdfkit loads fontkit's CommonJS build and parses every face
 * anew for every document (libraries.md §1.7). Before pdfkit loads, its fontkit is replaced in the module cache
 * by one whose `create` returns the face already parsed from the same buffer, so each face file is parsed once
 * per process and shared by the glyph checks and every PDF. Import this module before pdfmake.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

type Face = ReturnType<typeof Fontkit.create>;

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof Fontkit;
const parse = fontkit.create;
const parsed = new WeakMap<Uint8Array, Map<string, Face>>();

export function createFace(buffer: Uint8Array, postscriptName?: string): Face {
  let faces = parsed.get(buffer);
  if (!faces) parsed.set(buffer, (faces = new Map()));
  const key = postscriptName ?? '';
  let face = faces.get(key);
  if (!face) faces.set(key, (face = parse(buffer as Buffer, postscriptName)));
  return face;
}

const cached = require.cache[require.resolve('fontkit')];
if (cached) cached.exports = { ...fontkit, create: createFace };
