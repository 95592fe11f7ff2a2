/**
 * pdfmake lays a document out again from the start each time `pageBreakBefore` asks for a break, and each layout
 * measures every word anew. A report asks for two or three breaks, and measuring is most of a layout: a Chinese
 * paragraph is one word per character. The words of a text node measure the same in every pass, so the first
 * measurement is kept with the node and later passes get fresh copies of it (layout moves and splits the words it
 * is given). Import this module before pdfmake lays anything out.
 */
// pdfkit must find the shared fontkit when these pdfmake modules load it.
import '../../fonts/shared-fontkit.js';
import { createRequire } from 'node:module';

interface MeasuredLeaf {
  _inlines: object[];
  _minWidth: number;
  _maxWidth: number;
}

type MeasureLeaf = (node: MeasuredLeaf) => MeasuredLeaf;

const require = createRequire(import.meta.url);
const DocMeasure = (require('pdfmake/js/DocMeasure.js') as { default: { prototype: { measureLeaf: MeasureLeaf } } }).default;
const measureLeaf = DocMeasure.prototype.measureLeaf;
const measured = new WeakMap<object, MeasuredLeaf>();

const copyOf = (leaf: MeasuredLeaf): MeasuredLeaf => ({
  _inlines: leaf._inlines.map((inline) => ({ ...inline })),
  _minWidth: leaf._minWidth,
  _maxWidth: leaf._maxWidth,
});

DocMeasure.prototype.measureLeaf = function (this: unknown, node: MeasuredLeaf & { _textRef?: unknown }): MeasuredLeaf {
  // Page references change between passes; they are measured every time.
  if (node._textRef) return measureLeaf.call(this, node);
  const known = measured.get(node);
  if (known) return Object.assign(node, copyOf(known));
  measureLeaf.call(this, node);
  measured.set(node, copyOf(node));
  return node;
};
