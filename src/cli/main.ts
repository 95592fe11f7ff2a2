/** report-gen command line. */
import { Command, Option } from 'commander';
import { runBuild, type BuildCommandOptions } from './build-command.js';
import { runCheck } from './check-command.js';
import { reportFailure } from './report-failure.js';

const program = new Command('report-gen')
  .description('政府信息公开工作年度报告生成工具：YAML 数据 → 核对 → DOCX 与 PDF')
  .showHelpAfterError();

program
  .command('build')
  .description('生成报告（DOCX 与 PDF）；可给出数据文件或目录（目录下的全部数据文件）')
  .argument('<files...>', '数据文件或目录，如 data/2020.yaml、data/')
  .option('-o, --out-dir <dir>', '输出目录', 'out')
  .addOption(new Option('--to <kinds>', '输出格式，逗号分隔：docx、pdf、html').default('docx,pdf'))
  .option('--html', '另外生成供政府网站发布的 HTML 页面')
  .option('--config <file>', '配置文件（字体）', 'report-gen.config.yaml')
  .option('--strict', '警告也视为错误')
  .option('--explain', '列出每个模板片段由哪个文件提供')
  .option('-j, --jobs <n>', '同时生成的文件数（默认为处理器核数）')
  .option('-w, --watch', '数据文件或模板改动时自动重新生成')
  .action(async (files: string[], options: BuildCommandOptions) => {
    process.exitCode = await runBuild(files, options);
  });

program
  .command('check')
  .description('只核对数据（勾稽关系、跨年度、正文），不生成文件；退出码 0 无错误，1 有错误，2 无法读取')
  .argument('<files...>', '数据文件')
  .option('--json', '以 JSON 输出核对结果')
  .option('--strict', '警告也视为错误')
  .action((files: string[], options: { json?: boolean; strict?: boolean }) => {
    process.exitCode = runCheck(files, options);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = reportFailure(error);
});
