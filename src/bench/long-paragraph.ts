/**
 * A report whose 六、其他需要报告的事项 is one paragraph of about `chars` characters, for timing layout against the
 * length of a paragraph: clauses of the example's own prose, with its punctuation (quotes, brackets, enumeration
 * commas) and a few Latin words, and no figures, so that the checks find nothing to say about it.
 */
const CLAUSES = [
  '乡党委、政府高度重视政府信息公开工作，将其列入重要工作日程，确定专人，明确分工。',
  '严格按照“公开为常态、不公开为例外”的要求，妥善处理公开与保密的关系；',
  '通过樟木乡微信公众号（WeChat）和各村宣传栏同步发布，',
  '认真执行政府信息审核把关签字制度，积极稳妥公开政府信息！',
  '围绕公众关注的热点问题、政务动态、政府文件等，按照准确及时的原则做好发布工作，',
  '开办“信访之窗”，接受网民参与监督管理和网上信访，',
  '完善网页内容，及时发布相关政策法规和管理服务事项：',
  '凡是应当公开的事项都列入《政府信息公开目录》，',
];

export function longParagraph(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += CLAUSES[(i * 5 + (i >> 3)) % CLAUSES.length];
  return text.slice(0, chars - 1) + '。';
}

/** `example` (a data file's YAML) with its `other:` narrative replaced by one paragraph of `chars` characters. */
export function longParagraphReport(example: string, chars: number): string {
  const replaced = example.replace(/^( {2}other: \|[^\n]*\n)(?: {4}[^\n]*\n|\n)*/m, (_m, head: string) => `${head}    ${longParagraph(chars)}\n\n`);
  if (replaced === example) throw new Error('the example has no `other:` narrative to replace');
  return replaced;
}
