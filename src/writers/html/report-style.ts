/**
 * The page's inline style sheet: official faces first where the reader has them, text that scales with the
 * browser's text size (关怀版, 200 % zoom), wide tables that scroll inside their own box on narrow screens with
 * each row's label kept in view, figures that never wrap, and a clean A4 printout.
 */
export const REPORT_CSS = `
:root { color: #111; background: #fff; }
body { margin: 0; font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif SC", "Noto Serif CJK SC", serif; font-size: 1rem; line-height: 1.8; }
.report { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; overflow-wrap: anywhere; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif SC", "Noto Serif CJK SC", serif; font-size: 1.6rem; line-height: 1.5; text-align: center; margin: 0.5rem 0 1.5rem; }
h2 { font-family: "黑体", "SimHei", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; font-size: 1.15rem; font-weight: normal; margin: 1.4em 0 0.4em; text-indent: 2em; }
h2.attachment-title { font-family: "方正小标宋简体", "Noto Serif SC", serif; font-size: 1.4rem; font-weight: bold; text-align: center; text-indent: 0; }
h3 { font-family: "楷体_GB2312", "KaiTi", "楷体", "STKaiti", serif; font-size: 1rem; font-weight: normal; margin: 0.8em 0 0.2em; text-indent: 2em; }
p { margin: 0 0 0.4em; text-align: justify; text-indent: 2em; }
p.noindent { text-indent: 0; }
p.center { text-align: center; text-indent: 0; }
p.right { text-align: right; }
p.label { font-family: "黑体", "SimHei", "Noto Sans SC", sans-serif; text-indent: 0; margin-top: 2em; }
.signature { margin-top: 1.5em; text-align: right; text-indent: 0; }
.table-scroll { overflow-x: auto; max-width: 100%; margin: 0.6em 0 1.2em; }
.table-scroll:focus { outline: 2px solid #1a56c6; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-family: "宋体", "SimSun", "Noto Serif SC", serif; font-size: 0.9rem; line-height: 1.45; }
table.wide { min-width: 44rem; }
table.widest { min-width: 52rem; }
th, td { border: 1px solid #222; padding: 0.3em 0.4em; vertical-align: middle; text-align: center; font-weight: normal; }
th.left, td.left { text-align: left; }
td { font-variant-numeric: tabular-nums; }
.figure { white-space: nowrap; overflow-wrap: normal; }
.row-label { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 #222; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.colophon { margin-top: 3em; border-top: 2px solid #111; border-bottom: 2px solid #111; padding: 0.4em 1em; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 2em; }
.page-break { display: none; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { font-size: 16pt; line-height: 28.95pt; }
  .report { max-width: none; padding: 0; }
  .table-scroll { overflow: visible; }
  .row-label { position: static; box-shadow: none; }
  table.wide, table.widest { min-width: 0; }
  table { font-size: 10.5pt; line-height: 1.3; break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .page-break { display: block; break-before: page; }
}
`.trim();
