/** report-gen command line. */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { toolVersion } from '../tool-version.js';
import type { BuildCommandOptions } from './build-command.js';
import type { AggregateCommandOptions } from './scaffold-commands.js';
import { localiseCommander, usageExitCode } from './localise-commander.js';
import { reportFailure } from './report-failure.js';
import { applyLibraryPatches } from '../patches/apply-library-patches.js';

// Each command loads its own modules when it runs, so `build` does not pay for signing libraries at start-up.
const buildCommand = () => import('./build-command.js');
const checkCommand = () => import('./check-command.js');
const signCommands = () => import('./sign-commands.js');
const scaffoldCommands = () => import('./scaffold-commands.js');
const sheetCommands = () => import('./sheet-commands.js');

const program = new Command('report-gen').description('政府信息公开工作年度报告生成工具：YAML 数据 → 核对 → DOCX 与 PDF');
localiseCommander(program, toolVersion());

program
  .command('build')
  .description('生成报告（DOCX 与 PDF）；可给出数据文件或目录（目录下的全部数据文件）')
  .argument('<数据文件或目录...>', '如 data/2020.yaml、data/')
  .option('-o, --out-dir <目录>', '输出目录', 'out')
  .addOption(new Option('--to <格式>', '输出格式，逗号分隔：docx、pdf、html').default('docx,pdf'))
  .option('--html', '另外生成供政府网站发布的 HTML 页面')
  .option('--config <文件>', '配置文件（字体）', 'report-gen.config.yaml')
  .option('--strict', '警告也视为错误')
  .option('--explain', '列出每个模板片段由哪个文件提供')
  .option('-j, --jobs <个数>', '同时生成的文件数（默认为处理器核数）')
  .option('-w, --watch', '数据文件或模板改动时自动重新生成')
  .option('--archival', 'PDF 按 PDF/A-1b（长期保存格式）生成')
  .action(async (files: string[], options: BuildCommandOptions) => {
    process.exitCode = await (await buildCommand()).runBuild(files, options);
  });

program
  .command('sign')
  .description('对报告签章：生成 PDF/A-1b 并加 PAdES 数字签名；证书密码取自环境变量 REPORT_GEN_P12_PASSPHRASE 或终端输入')
  .argument('<数据文件>', '如 data/2021.yaml')
  .requiredOption('--p12 <证书文件>', '签章证书（PKCS#12，.p12/.pfx）')
  .option('-o, --out-dir <目录>', '输出目录', 'out')
  .option('--config <文件>', '配置文件（字体）', 'report-gen.config.yaml')
  .option('--strict', '警告也视为错误')
  .action(async (file: string, options: { p12: string; outDir: string; config: string; strict?: boolean }) => {
    process.exitCode = await (await signCommands()).runSign(file, options);
  });

program
  .command('archive')
  .description('核对、生成 PDF/A-1b、签章，并作为新版本存入只增不改的归档目录（含清单 manifest.json）')
  .argument('<数据文件>', '如 data/2021.yaml')
  .requiredOption('--p12 <证书文件>', '签章证书（PKCS#12，.p12/.pfx）')
  .option('--archive-dir <目录>', '归档目录', 'archive')
  .option('--config <文件>', '配置文件（字体）', 'report-gen.config.yaml')
  .option('--strict', '警告也视为错误')
  .option('--rotate-signer <证书>', '更换签章人：由现签章人归档本版本，并记录接替的新证书（PEM 或 DER），此后的版本由新证书签章')
  .action(async (file: string, options: { p12: string; archiveDir: string; config: string; strict?: boolean; rotateSigner?: string }) => {
    process.exitCode = await (await signCommands()).runArchive(file, options);
  });

program
  .command('verify')
  .description('验证签章的 PDF 或归档目录：签名、文件摘要、清单和版本链；退出码 0 全部通过，1 有失败，2 无法读取')
  .argument('<路径>', '签章的 PDF，或归档目录')
  .option('--trust <根证书>', '受信任的根证书（PEM），验证证书链可追溯到它；不给出时只说明证书链未锚定')
  .option('--strict', '证书链未锚定等警告也视为失败')
  .action(async (path: string, options: { trust?: string; strict?: boolean }) => {
    process.exitCode = await (await signCommands()).runVerify(path, options);
  });

program
  .command('init')
  .description('生成某机关某年度的数据文件（逐行列出官方表格项目）；--from 结转上一年度的数字和小标题；不覆盖已有文件')
  .argument('<数据文件>', '要生成的数据文件，如 data/2022.yaml')
  .option('--year <年度>', '报告年度（默认取文件名或上一年度 + 1）')
  .option('--org <机关信息文件>', '机关信息文件，如 orgs/zhangmu.yaml')
  .option('--from <数据文件>', '上一年度的数据文件')
  .option('--xlsx [工作簿]', '另外生成空白的 Excel 填报表（默认 out/ 下同名 .xlsx）')
  .action(async (file: string, options: { year?: string; org?: string; from?: string; xlsx?: string | true }) => {
    process.exitCode = await (await scaffoldCommands()).runInit(file, options);
  });

program
  .command('aggregate')
  .description('把下属单位（乡镇、部门）的统计数字逐格相加，生成本级的数据文件；同一年度、同一版式')
  .argument('<下属单位数据...>', '下属单位的数据文件或目录')
  .requiredOption('-o, --out <数据文件>', '要生成的本级数据文件')
  .option('--org <机关信息文件>', '本级的机关信息文件（其 members 列出应有的下属单位）')
  .option('--year <年度>', '只汇总这一年度的数据文件（目录中有多个年度时）')
  .option('--update', '按下属单位的最新数字更新已有的本级数据文件（只改数字，正文和注释原样保留）')
  .option('--xlsx [工作簿]', '另外生成汇总工作簿：每个单位一张表，汇总表为公式（默认 out/ 下同名 .xlsx）')
  .action(async (members: string[], options: AggregateCommandOptions) => {
    process.exitCode = await (await scaffoldCommands()).runAggregate(members, options);
  });

program
  .command('sheet')
  .description('生成填报统计数字用的 Excel 工作簿（表二、表三、表四，或统计表）：格式同报告中的表格，合计为公式，只能在填数格中输入')
  .argument('<数据文件...>', '数据文件')
  .option('-o, --out-dir <目录>', '输出目录', 'out')
  .option('--blank', '填数格留空，作为下发填报的空白表')
  .action(async (files: string[], options: { outDir: string; blank?: boolean }) => {
    process.exitCode = await (await sheetCommands()).runSheet(files, options);
  });

program
  .command('import')
  .description('把填好的工作簿中的统计数字写回数据文件（只改数字，其余内容原样保留），然后核对')
  .argument('<工作簿>', '填好的工作簿，如 out/2022.xlsx')
  .argument('<数据文件>', '数据文件，如 data/2022.yaml')
  .option('-n, --dry-run', '只列出将要修改的数字，不写入文件')
  .action(async (workbook: string, file: string, options: { dryRun?: boolean }) => {
    process.exitCode = await (await sheetCommands()).runImport(workbook, file, options);
  });

program
  .command('check')
  .description('只核对，不生成文件：与 build 相同的全部核对（勾稽关系、跨年度、正文与表格、字形）；退出码 0 无错误，1 有错误，2 无法读取')
  .argument('<数据文件...>', '数据文件或目录（目录下的全部数据文件，与 build 相同）')
  .option('--json', '以 JSON 输出核对结果')
  .option('--strict', '警告也视为错误')
  .option('--config <文件>', '配置文件（字体，用于核对字形）', 'report-gen.config.yaml')
  .option('--fix', '把正文中与表格一致的数字改写为 {{…}} 表达式（有不一致时不改写）')
  .action(async (files: string[], options: { json?: boolean; strict?: boolean; config?: string; fix?: boolean }) => {
    process.exitCode = (await checkCommand()).runCheck(files, options);
  });

// A configuration file named on the command line must exist; the default one is optional.
for (const command of program.commands) {
  command.hook('preAction', (_program, action) => {
    const config = action.getOptionValue('config') as string | undefined;
    if (config !== undefined && action.getOptionValueSource('config') !== 'default' && !existsSync(config)) {
      throw new ReportError([errorFinding('OPTION', `找不到 --config 指定的配置文件 ${config}`)], EXIT.unusableInput);
    }
  });
}

// Output piped into `head` and the like: stop quietly when the reader goes away.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  applyLibraryPatches();
  program.parseAsync(process.argv).catch((error: unknown) => {
    // Commander has printed its (translated) message already, or the help or version asked for.
    process.exitCode = usageExitCode(error) ?? reportFailure(error);
  });
} catch (error) {
  process.exitCode = reportFailure(error);
}
