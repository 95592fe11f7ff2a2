/**
 * The one place where a failure that is not yet a ReportError becomes one: the operating system's refusals and the
 * libraries' English messages turn into a Chinese sentence that names the path and what to do (exit 2). What is
 * left is a bug of report-gen (exit 3).
 */
import { basename, dirname, join } from 'node:path';
import { errorFinding, EXIT, ReportError } from './finding.js';
import { describeSystemError, isKnownSystemError } from './system-error.js';
import { displayPath } from './display-path.js';

/** English messages of the libraries report-gen uses, for input they cannot read. */
const LIBRARY_ERRORS: Array<[RegExp, string]> = [
  [/ignoreEncryption|is encrypted/i, 'PDF 文件已加密，无法读取；请提供未加密的 PDF'],
  [/Failed to parse|No PDF header|Invalid object ref|Expected instance of PDF|PDFInvalidObject|trailer/i, 'PDF 文件已损坏或不是 PDF'],
  [/ASN\.1|Too few bytes|pkcs12|PKCS#12|Invalid PEM|MAC could not be verified|Invalid password/i, '证书文件不是有效的 PKCS#12（.p12/.pfx）文件，或密码不对'],
  [/Unknown font format/i, '字体文件不是可识别的格式（应为 .ttf、.otf 或 .ttc）'],
  [/Maximum call stack size exceeded/i, '输入嵌套太深（或模板互相引用），无法处理'],
  [/Invalid string length|Array buffer allocation failed|out of memory/i, '输入太大，无法处理'],
];

/** A path as the user sees it: relative to the working folder, and the final name for a temporary file. */
function shownPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const temp = /^\.(.+)\.\d+\.tmp$/.exec(basename(path));
  const real = temp ? join(dirname(path), temp[1]!) : path;
  return displayPath(real);
}

const ACTIONS: Record<string, string> = {
  open: '打开',
  read: '读取',
  stat: '读取',
  lstat: '读取',
  scandir: '读取文件夹',
  opendir: '读取文件夹',
  readlink: '读取',
  realpath: '读取',
  write: '写入',
  mkdir: '创建文件夹',
  rename: '写入',
  link: '写入',
  symlink: '写入',
  copyfile: '写入',
  unlink: '删除',
  rmdir: '删除',
  rm: '删除',
  watch: '监视',
};

/** The failure as a ReportError, or undefined when it is a bug. */
export function toReportError(error: unknown): ReportError | undefined {
  if (error instanceof ReportError) return error;
  if (isKnownSystemError(error)) {
    const { syscall, path, dest } = error as { syscall?: string; path?: string; dest?: string };
    const shown = shownPath(syscall === 'rename' || syscall === 'link' ? (dest ?? path) : path);
    const action = ACTIONS[syscall ?? ''] ?? '读写';
    return new ReportError([errorFinding('FILE', describeSystemError(error, shown, action))], EXIT.unusableInput);
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  for (const [pattern, text] of LIBRARY_ERRORS) {
    if (pattern.test(message)) return new ReportError([errorFinding('INPUT', text)], EXIT.unusableInput);
  }
  return undefined;
}
