/**
 * The command-line frame in Chinese: commander's help headings, its notes on defaults, its help option and
 * command, and its error messages. Set on the program before any command is added, so every command inherits it.
 * A usage error exits 2 (unusable input), as the README's table says.
 */
import { CommanderError, type Command, type Help, type Option } from 'commander';
import { EXIT } from '../report-error/finding.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Commander's own texts that can appear in a usage line or a term. */
const WORDS: Array<[RegExp, string]> = [
  [/\[options\]/g, '[选项]'],
  [/\[command\]/g, '[命令]'],
];

const localiseWords = (text: string) => WORDS.reduce((t, [pattern, word]) => t.replace(pattern, word), text);

function describeExtras(description: string, defaultValue: unknown, defaultDescription: string | undefined, show: boolean): string {
  if (defaultValue === undefined || !show) return description;
  const shown = defaultDescription ?? (typeof defaultValue === 'string' ? defaultValue : JSON.stringify(defaultValue));
  return `${description}（默认：${shown}）`;
}

/** Columns a terminal gives a text: Chinese characters and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(/\x1b\[[0-9;]*m/g, '')) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

export function localiseCommander(program: Command, version: string): void {
  program
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      displayWidth,
      // Commander wraps at spaces, which Chinese text has few of: a long line is left to the terminal.
      boxWrap: (text: string) => text,
      commandUsage(this: Help, command: Command) {
        return localiseWords(Object.getPrototypeOf(this).commandUsage.call(this, command) as string);
      },
      subcommandTerm(this: Help, command: Command) {
        return localiseWords(Object.getPrototypeOf(this).subcommandTerm.call(this, command) as string);
      },
      optionDescription: (option: Option) =>
        describeExtras(option.description, option.defaultValue, option.defaultValueDescription, option.required || option.optional),
    })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .version(version, '-V, --version', '显示版本号')
    .showSuggestionAfterError(true)
    .showHelpAfterError('（运行 report-gen help 查看全部命令，report-gen help <命令> 查看某个命令的用法）')
    .configureOutput({ outputError: (message, write) => write(translateUsageError(message)) })
    .exitOverride();
}

/** Commander's usage errors ("error: unknown option '--x'") in Chinese. */
export function translateUsageError(message: string): string {
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => localiseWords(m[1]!));
  const suggestion = /Did you mean (.+?)\?/.exec(message)?.[1];
  const hint = suggestion ? `（是否想用 ${suggestion}？）` : '';
  const [first, second] = quoted;
  let text: string;
  if (/unknown option/.test(message)) text = `未知的选项 ${first}${hint}`;
  else if (/unknown command/.test(message)) text = `未知的命令「${first}」${hint}`;
  else if (/missing required argument/.test(message)) text = `缺少参数 ${first}`;
  else if (/argument missing/.test(message)) text = `选项 ${first} 缺少取值`;
  else if (/required option .* not specified/.test(message)) text = `缺少必需的选项 ${first}`;
  else if (/too many arguments/.test(message)) {
    const counts = /Expected (\d+) arguments? but got (\d+)/.exec(message);
    text = counts ? `参数太多：只接受 ${counts[1]} 个，实际给了 ${counts[2]} 个` : '参数太多';
  } else if (/cannot be used with/.test(message)) text = `选项 ${first} 不能与 ${second} 同时使用`;
  else text = '命令行有误';
  return `错误 ${text}\n`;
}

/** The exit code of a commander stop: 0 for help and version asked for, 2 for a usage error. */
export function usageExitCode(error: unknown): number | undefined {
  if (!(error instanceof CommanderError)) return undefined;
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
  // `report-gen help` asks for help; `report-gen` alone shows it as an error.
  if (error.code === 'commander.help' && error.exitCode === 0) return EXIT.ok;
  return EXIT.unusableInput;
}
