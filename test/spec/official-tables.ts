/**
 * The official tables as formats.md gives them (§2.3, §2.4, §2.5, §3.3, §3.4), written out independently of
 * the templates. Value cells are `<td>#</td>`: any number. Tests compare every writer's output with these.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

export interface SpecCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  value: boolean;
}

const v = (n: number, attrs = '') => Array.from({ length: n }, () => `<td${attrs}>#</td>`).join('');

const TABLE2_2019 = `
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年新<br>制作数量</td><td>本年新<br>公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td>${v(3)}</tr>
<tr><td>规范性文件</td>${v(3)}</tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td>${v(3)}</tr>
<tr><td>其他对外管理服务事项</td>${v(3)}</tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政处罚</td>${v(3)}</tr>
<tr><td>行政强制</td>${v(3)}</tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td></tr>
<tr><td>行政事业性收费</td>${v(1)}<td colspan="2">#</td></tr>
<tr><td colspan="4">第二十条第（九）项</td></tr>
<tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额</td></tr>
<tr><td>政府集中采购</td>${v(1)}<td colspan="2">#</td></tr>`;

const TABLE2_2021 = `
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td>${v(3)}</tr>
<tr><td>行政规范性文件</td>${v(3)}</tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">#</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">#</td></tr>
<tr><td>行政强制</td><td colspan="3">#</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">#</td></tr>`;

const other2019 = `<tr><td colspan="2">（六）其他处理</td>${v(7)}</tr>`;
const other2021 = `
<tr><td rowspan="3">（六）其他处理</td><td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td>${v(7)}</tr>
<tr><td>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td>${v(7)}</tr>
<tr><td>3.其他</td>${v(7)}</tr>`;

const table3 = (resultRows: number, other: string) => `
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${v(7)}</tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>${v(7)}</tr>
<tr><td rowspan="${resultRows}">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>${v(7)}</tr>
<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>${v(7)}</tr>
<tr><td rowspan="8">（三）不予公开</td><td>1.属于国家秘密</td>${v(7)}</tr>
<tr><td>2.其他法律行政法规禁止公开</td>${v(7)}</tr>
<tr><td>3.危及“三安全一稳定”</td>${v(7)}</tr>
<tr><td>4.保护第三方合法权益</td>${v(7)}</tr>
<tr><td>5.属于三类内部事务信息</td>${v(7)}</tr>
<tr><td>6.属于四类过程性信息</td>${v(7)}</tr>
<tr><td>7.属于行政执法案卷</td>${v(7)}</tr>
<tr><td>8.属于行政查询事项</td>${v(7)}</tr>
<tr><td rowspan="3">（四）无法提供</td><td>1.本机关不掌握相关政府信息</td>${v(7)}</tr>
<tr><td>2.没有现成信息需要另行制作</td>${v(7)}</tr>
<tr><td>3.补正后申请内容仍不明确</td>${v(7)}</tr>
<tr><td rowspan="5">（五）不予处理</td><td>1.信访举报投诉类申请</td>${v(7)}</tr>
<tr><td>2.重复申请</td>${v(7)}</tr>
<tr><td>3.要求提供公开出版物</td>${v(7)}</tr>
<tr><td>4.无正当理由大量反复申请</td>${v(7)}</tr>
<tr><td>5.要求行政机关确认或重新出具已获取信息</td>${v(7)}</tr>
${other}
<tr><td colspan="2">（七）总计</td>${v(7)}</tr>
<tr><td colspan="3">四、结转下年度继续办理</td>${v(7)}</tr>`;

const TABLE4 = `
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>
  <td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>
  <td rowspan="2">尚未审结</td><td rowspan="2">总计</td>
  <td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td>
</tr>
<tr>
  <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
  <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
</tr>
<tr>${v(15)}</tr>`;

/** The six sections of both national editions, numbered (formats.md §2.2). */
export const NATIONAL_SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

export const OFFICIAL_TABLES = {
  'national-2019': { table2: parseSpec(TABLE2_2019), table3: parseSpec(table3(20, other2019)), table4: parseSpec(TABLE4) },
  'national-2021': { table2: parseSpec(TABLE2_2021), table3: parseSpec(table3(22, other2021)), table4: parseSpec(TABLE4) },
} as const;

function parseSpec(html: string): SpecCell[][] {
  const doc = parseDocument(`<table>${html}</table>`, { xmlMode: false });
  const rows: SpecCell[][] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      if (node.name === 'tr') rows.push(cellsOf(node));
      else visit(node.children);
    }
  };
  visit(doc.children);
  return rows;
}

function cellsOf(tr: Element): SpecCell[] {
  return tr.children
    .filter((c): c is Element => c.type === 'tag' && c.name === 'td')
    .map((td) => {
      const text = textOf(td);
      return { text, rowSpan: Number(td.attribs.rowspan ?? 1), colSpan: Number(td.attribs.colspan ?? 1), value: text === '#' };
    });
}

function textOf(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.data : c.type === 'tag' ? textOf(c) : '')).join('').replace(/\s+/g, '');
}
