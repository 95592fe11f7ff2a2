/**
 * Checks the markup a template file writes as it is written, before anything is rendered: every element is one
 * the markup reader supports, and every element opened in the file is closed in the same file, in order. The
 * branches of a block ({{#if}}…{{else}}…{{/if}}, {{#each}}…{{/each}}) must leave the same elements open, so a
 * template is balanced whichever way its blocks go. An error names the template file, line and column: a stray
 * `</p>` or an unclosed `<h2>` in an override template can no longer fold the headings after it into one.
 */
import { MARKUP_ELEMENTS } from '../markup/read-markup.js';
import { copyTagScan, endTagScan, sameTagScan, scanTags, startTagScan, type TagPosition, type TagScan } from '../markup/tag-scan.js';
import { errorFinding, ReportError } from '../report-error/finding.js';

export function checkTemplateMarkup(ast: hbs.AST.Program, file: string): void {
  const fail = (message: string, at: TagPosition): never => {
    throw new ReportError([errorFinding('TEMPLATE', `模板错误：${message}`, { file, ...at })]);
  };
  const scanProgram = (program: hbs.AST.Program | undefined, entry: TagScan): TagScan => {
    let scan = entry;
    for (const statement of program?.body ?? []) {
      if (statement.type === 'ContentStatement') {
        const content = statement as hbs.AST.ContentStatement;
        const start = { line: content.loc.start.line, col: content.loc.start.column + 1 };
        const written = (content as unknown as { original?: unknown }).original;
        scan = scanTags(scan, typeof written === 'string' ? written : content.value, start, MARKUP_ELEMENTS, fail);
      } else if (statement.type === 'BlockStatement' || statement.type === 'PartialBlockStatement') {
        const block = statement as hbs.AST.BlockStatement;
        const taken = scanProgram(block.program, copyTagScan(scan));
        const other = block.inverse ? scanProgram(block.inverse, copyTagScan(scan)) : scan;
        if (!sameTagScan(taken, other)) {
          fail('块（{{#…}}…{{/…}}）内打开的元素要在块内闭合，{{else}} 前后也要一致', { line: block.loc.start.line, col: block.loc.start.column + 1 });
        }
        scan = taken;
      } else if ((statement.type === 'MustacheStatement' || statement.type === 'PartialStatement') && scan.tag) {
        // An expression inside a tag stands for attribute text; outside a tag it writes text or balanced markup.
        scan = { ...scan, tag: `${scan.tag}x` };
      }
    }
    return scan;
  };
  endTagScan(scanProgram(ast, startTagScan()), (message, at) => fail(`${message.replace(/）$/, '，应在本模板文件内闭合）')}`, at));
}
