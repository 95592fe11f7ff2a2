/**
 * Finds English prose in what report-gen prints. Allowed: file names and paths, positions, rule ids and other
 * upper-case codes (PDF, UTF-8, R1), option names (--out-dir), and the identifiers a user types: data and
 * configuration keys, format ids, output kinds, command names. Text inside 「」, “” and "" quotes is the user's
 * own (a value, a key) and is skipped too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

function schemaKeys(file: string): string[] {
  const keys: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value && typeof value === 'object') keys.push(...Object.keys(value));
        walk(value);
      }
    }
  };
  walk(JSON.parse(readFileSync(join(ROOT, 'schema', file), 'utf8')));
  return keys;
}

/** Template names (shown by --explain), split at their hyphens. */
function templateNames(): string[] {
  const names: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.hbs')) names.push(...entry.name.replace(/\.hbs$/, '').split('-'));
    }
  };
  walk(join(ROOT, 'templates'));
  return names;
}

const IDENTIFIERS = new Set([
  ...templateNames(),
  ...schemaKeys('report.schema.json'),
  ...schemaKeys('org.schema.json'),
  // font roles and configuration keys
  'fonts', 'title', 'heading', 'subheading', 'body', 'table', 'latin', 'file', 'name',
  // X.509 names of key usages, as certificate tools show them
  'keyusage', 'extendedkeyusage', 'digitalsignature', 'nonrepudiation', 'anyextendedkeyusage', 'emailprotection', 'documentsigning',
  // values the data may take
  'simplified', 'traditional', 'official', 'windows',
  // format ids, output kinds, commands, the program
  'legacy', 'national', 'docx', 'pdf', 'html', 'build', 'check', 'sign', 'archive', 'verify', 'init', 'aggregate', 'sheet', 'import', 'xlsx', 'help',
  'report', 'gen', 'yaml', 'config', 'out', 'data', 'templates', 'hbs',
]);

/** Lower-case English words in the text that are not allowed identifiers. */
export function englishWords(text: string): string[] {
  const stripped = text
    // a position: file:line:col
    .replace(/^\S+:\d+:\d+(?=\s)/gm, ' ')
    .replace(/「[^」\n]*」|“[^”\n]*”|‘[^’\n]*’|"[^"\n]*"|'[^'\n]*'|《[^》\n]*》/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    // template expressions quoted in a message ({{lookup requests "received"}}, {{{{raw}}}}) and data keys (.natural_person)
    .replace(/\{\{+[^{}]*\}\}+/g, ' ')
    .replace(/(^|[^\w])\.[a-z_]+/g, ' ')
    // digests (SHA-256 in hex)
    .replace(/\b[0-9a-f]{8,}\b/g, ' ')
    // a certificate subject quoted from the certificate (CN=…, O=…): the user's data
    .replace(/\b(CN|O|OU|C|L|ST|E)=[^,，）)\n]*/g, ' ')
    // paths and file names (anything with a slash, or a name with an extension)
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/[\w.-]*\.(ya?ml|hbs|pdf|docx|html|xlsx|json|ttf|otf|ttc|otc|p12|pfx|png|tmp)\b/gi, ' ')
    // options
    .replace(/(^|[^\w-])--?[a-zA-Z][\w-]*/g, ' ');
  const words = stripped.match(/[A-Za-z][A-Za-z_']*/g) ?? [];
  return words.filter((word) => /[a-z]/.test(word) && word.length >= 3 && !/^[A-Z]/.test(word) && !IDENTIFIERS.has(word.toLowerCase()))
    .concat(words.filter((word) => /^[A-Z][a-z]{2,}$/.test(word) && ENGLISH_CAPITALISED.has(word)));
}

/** Capitalised words that start an English library message (the rest of such a message is caught above). */
const ENGLISH_CAPITALISED = new Set(['Error', 'Unknown', 'Cannot', 'Invalid', 'Unexpected', 'Maximum', 'Usage', 'Options', 'Commands', 'Arguments', 'Unresolved', 'Excessive', 'Lexical', 'Parse', 'Expected', 'Missing', 'Failed', 'Too']);
