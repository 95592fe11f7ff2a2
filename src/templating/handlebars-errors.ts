/** Reading line and column out of Handlebars errors, which carry them in different shapes. */

export interface TemplateErrorLocation {
  line: number;
  col: number;
  reason: string;
}

export function locateHandlebarsError(error: unknown): TemplateErrorLocation {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  if (typeof e.lineNumber === 'number') {
    return { line: e.lineNumber, col: (e.column ?? 0) + 1, reason: message.replace(/ - \d+:\d+$/, '') };
  }
  const parse = /^Parse error on line (\d+):\n.*\n(-*)\^\n(.*)$/s.exec(message);
  if (parse) return { line: Number(parse[1]), col: 1, reason: '模板语法错误（{{ }} 未闭合或写法不正确）' };
  return { line: 1, col: 1, reason: message };
}

/** Chinese wording of the common Handlebars failures. */
export function explainHandlebarsReason(reason: string): string {
  const notDefined = /^"([^"]+)" not defined in/.exec(reason);
  if (notDefined) return `引用了不存在的数据项「${notDefined[1]}」`;
  const unknownHelper = /unknown helper (\S+)/.exec(reason);
  if (unknownHelper) return `使用了不支持的模板函数「${unknownHelper[1]}」`;
  const partial = /The partial (\S+) could not be found/.exec(reason);
  if (partial) return `找不到模板片段「${partial[1]}」`;
  // Our own checks of an expression say what is wrong in Chinese already (the parser's English messages may quote
  // Chinese text, but never start with it).
  if (/^[\u4e00-\u9fff「{]/.test(reason)) return reason;
  // Any other message of the Handlebars parser (Lexical error, Expecting 'ID' …) is a malformed {{ }}.
  return '{{ }} 的写法不正确（检查括号是否成对、名称中是否有多余的符号）';
}
