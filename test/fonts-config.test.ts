/** report-gen.config.yaml points roles at other font files. */
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pdfFonts } from './readers/pdf.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo');

const require = createRequire(import.meta.url);
const sansBold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

describe('font configuration', () => {
  it('uses the configured face for a role', () => {
    const dir = tempDir('fonts');
    const config = join(dir, 'report-gen.config.yaml');
    writeFileSync(config, `fonts:\n  title: { file: ${JSON.stringify(sansBold)} }\n`);
    const result = runCli(['build', join(ROOT, 'data/2021.yaml'), '-o', dir, '--config', config]);
    expect(result.code, result.stderr).toBe(0);
    const names = pdfFonts(join(dir, '2021.pdf')).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('NotoSansSC-Bold');
    expect(names).not.toContain('NotoSerifSC-Bold');
  });

  it('names a missing font file at its place in the config', () => {
    const dir = tempDir('fonts');
    const config = join(dir, 'report-gen.config.yaml');
    writeFileSync(config, 'fonts:\n  body: C:/Windows/Fonts/simfang.ttf\n');
    const result = runCli(['build', join(ROOT, 'data/2021.yaml'), '-o', dir, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/report-gen\.config\.yaml:2:9 错误 找不到字体文件 C:\/Windows\/Fonts\/simfang\.ttf$/);
  });

  it('names a file that is not a font, in one message, and writes nothing', () => {
    const dir = tempDir('fonts');
    const config = join(dir, 'report-gen.config.yaml');
    writeFileSync(join(dir, 'broken.ttf'), 'not a font');
    writeFileSync(config, 'fonts:\n  body: broken.ttf\n');
    const result = runCli(['build', join(ROOT, 'data/2021.yaml'), '-o', dir, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/错误 字体 .*broken\.ttf 不是可识别的字体文件/);
    expect(existsSync(join(dir, '2021.pdf')) || existsSync(join(dir, '2021.docx'))).toBe(false);
  });
});
