/**
 * report-gen.config.yaml: lets a user point a role at fonts they own, e.g. Windows 仿宋 or 方正小标宋.
 *
 *   fonts:
 *     body: C:/Windows/Fonts/simfang.ttf
 *     title: { file: ./fonts/FZXBSJW.TTF }
 *     heading: { file: /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, name: NotoSansCJKsc-Regular }
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import * as z from 'zod';
import { YamlSource } from '../load/yaml-source.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import type { FaceSource } from './faces.js';
import { FONT_ROLES, type FontRole } from './font-role.js';

export const CONFIG_FILE_NAME = 'report-gen.config.yaml';

const faceSchema = z.union([z.string().min(1), z.strictObject({ file: z.string().min(1), name: z.string().min(1).optional() })]);
const configSchema = z.strictObject({
  fonts: z.partialRecord(z.enum(FONT_ROLES as [FontRole, ...FontRole[]]), faceSchema).optional(),
});

/** Font overrides from a config file; none when the file does not exist. */
export function readFontConfig(file: string): Partial<Record<FontRole, FaceSource>> {
  if (!existsSync(file)) return {};
  const source = YamlSource.read(file, '配置文件');
  const parsed = configSchema.safeParse(source.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const roles = FONT_ROLES.join('、');
    throw new ReportError(
      [errorFinding('CONFIG', `配置文件中的字体设置不正确（角色可用：${roles}；值为字体文件路径，或 {file, name}）`, source.positionOf(issue.path as string[]))],
      EXIT.unusableInput,
    );
  }
  const out: Partial<Record<FontRole, FaceSource>> = {};
  for (const [role, face] of Object.entries(parsed.data.fonts ?? {})) {
    const spec = typeof face === 'string' ? { file: face } : face;
    const path = isAbsolute(spec.file) ? spec.file : resolve(dirname(file), spec.file);
    if (!existsSync(path)) {
      throw new ReportError([errorFinding('CONFIG', `找不到字体文件 ${spec.file}`, source.positionOf(['fonts', role]))], EXIT.unusableInput);
    }
    const at = source.positionOf(['fonts', role]);
    out[role as FontRole] = 'name' in spec && spec.name ? { file: path, postscriptName: spec.name, at } : { file: path, at };
  }
  return out;
}
