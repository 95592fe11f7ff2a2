/**
 * 政府信息公开情况统计表 (国办发〔2014〕32号 as printed in legacy reports, formats.md §4.2): every row with its
 * official label, unit, indentation level and data path below `statistics`. Group rows have no path.
 */
import type { RuleId } from '../../report-error/rule-id.js';

export interface StatisticsRow {
  label: string;
  unit: string;
  /** 一级 0, （一） 1, 1. 2, 其中 3. */
  level: 0 | 1 | 2 | 3;
  path?: string[];
  /** A total that is computed from these rows when it is not typed (and checked when it is). */
  sumOf?: string[][];
  money?: boolean;
}

const GROUP = '——';
const p = (...path: string[]) => path;

export const STATISTICS_ROWS: readonly StatisticsRow[] = [
  { label: '一、主动公开情况', unit: GROUP, level: 0 },
  { label: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', unit: '条', level: 1, path: p('active', 'total') },
  { label: '其中：主动公开规范性文件数', unit: '条', level: 3, path: p('active', 'normative_published') },
  { label: '制发规范性文件总数', unit: '件', level: 3, path: p('active', 'normative_issued') },
  { label: '（二）通过不同渠道和方式公开政府信息的情况', unit: GROUP, level: 1 },
  { label: '1.政府公报公开政府信息数', unit: '条', level: 2, path: p('active', 'channels', 'gazette') },
  { label: '2.政府网站公开政府信息数', unit: '条', level: 2, path: p('active', 'channels', 'website') },
  { label: '3.政务微博公开政府信息数', unit: '条', level: 2, path: p('active', 'channels', 'weibo') },
  { label: '4.政务微信公开政府信息数', unit: '条', level: 2, path: p('active', 'channels', 'wechat') },
  { label: '5.其他方式公开政府信息数', unit: '条', level: 2, path: p('active', 'channels', 'other') },
  { label: '二、回应解读情况', unit: GROUP, level: 0 },
  { label: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', unit: '次', level: 1, path: p('responses', 'hotspots') },
  { label: '（二）通过不同渠道和方式回应解读的情况', unit: GROUP, level: 1 },
  { label: '1.参加或举办新闻发布会总次数', unit: '次', level: 2, path: p('responses', 'press_conferences') },
  { label: '其中：主要负责同志参加新闻发布会次数', unit: '次', level: 3, path: p('responses', 'press_conferences_by_leaders') },
  { label: '2.政府网站在线访谈次数', unit: '次', level: 2, path: p('responses', 'interviews') },
  { label: '其中：主要负责同志参加政府网站在线访谈次数', unit: '次', level: 3, path: p('responses', 'interviews_by_leaders') },
  { label: '3.政策解读稿件发布数', unit: '篇', level: 2, path: p('responses', 'interpretations') },
  { label: '4.微博微信回应事件数', unit: '次', level: 2, path: p('responses', 'social_media') },
  { label: '5.其他方式回应事件数', unit: '次', level: 2, path: p('responses', 'other') },
  { label: '三、依申请公开情况', unit: GROUP, level: 0 },
  {
    label: '（一）收到申请数',
    unit: '件',
    level: 1,
    path: p('requests', 'received', 'total'),
    sumOf: ['in_person', 'fax', 'online', 'letter'].map((k) => p('requests', 'received', k)),
  },
  { label: '1.当面申请数', unit: '件', level: 2, path: p('requests', 'received', 'in_person') },
  { label: '2.传真申请数', unit: '件', level: 2, path: p('requests', 'received', 'fax') },
  { label: '3.网络申请数', unit: '件', level: 2, path: p('requests', 'received', 'online') },
  { label: '4.信函申请数', unit: '件', level: 2, path: p('requests', 'received', 'letter') },
  {
    label: '（二）申请办结数',
    unit: '件',
    level: 1,
    path: p('requests', 'completed', 'total'),
    sumOf: ['on_time', 'extended'].map((k) => p('requests', 'completed', k)),
  },
  { label: '1.按时办结数', unit: '件', level: 2, path: p('requests', 'completed', 'on_time') },
  { label: '2.延期办结数', unit: '件', level: 2, path: p('requests', 'completed', 'extended') },
  {
    label: '（三）申请答复数',
    unit: '件',
    level: 1,
    path: p('requests', 'answered', 'total'),
    sumOf: [
      p('requests', 'answered', 'already_public'),
      p('requests', 'answered', 'agreed'),
      p('requests', 'answered', 'partly_agreed'),
      p('requests', 'answered', 'refused', 'total'),
      p('requests', 'answered', 'not_this_agency'),
      p('requests', 'answered', 'not_exist'),
      p('requests', 'answered', 'correction'),
      p('requests', 'answered', 'other_channel'),
    ],
  },
  { label: '1.属于已主动公开范围数', unit: '件', level: 2, path: p('requests', 'answered', 'already_public') },
  { label: '2.同意公开答复数', unit: '件', level: 2, path: p('requests', 'answered', 'agreed') },
  { label: '3.同意部分公开答复数', unit: '件', level: 2, path: p('requests', 'answered', 'partly_agreed') },
  {
    label: '4.不同意公开答复数',
    unit: '件',
    level: 2,
    path: p('requests', 'answered', 'refused', 'total'),
    sumOf: ['state_secret', 'commercial_secret', 'privacy', 'security', 'not_government_information', 'other_legal'].map((k) =>
      p('requests', 'answered', 'refused', k),
    ),
  },
  { label: '其中：涉及国家秘密', unit: '件', level: 3, path: p('requests', 'answered', 'refused', 'state_secret') },
  { label: '涉及商业秘密', unit: '件', level: 3, path: p('requests', 'answered', 'refused', 'commercial_secret') },
  { label: '涉及个人隐私', unit: '件', level: 3, path: p('requests', 'answered', 'refused', 'privacy') },
  { label: '危及国家安全、公共安全、经济安全和社会稳定', unit: '件', level: 3, path: p('requests', 'answered', 'refused', 'security') },
  { label: '不是《条例》所指政府信息', unit: '件', level: 3, path: p('requests', 'answered', 'refused', 'not_government_information') },
  { label: '法律法规规定的其他情形', unit: '件', level: 3, path: p('requests', 'answered', 'refused', 'other_legal') },
  { label: '5.不属于本行政机关公开数', unit: '件', level: 2, path: p('requests', 'answered', 'not_this_agency') },
  { label: '6.申请信息不存在数', unit: '件', level: 2, path: p('requests', 'answered', 'not_exist') },
  { label: '7.告知作出更改补充数', unit: '件', level: 2, path: p('requests', 'answered', 'correction') },
  { label: '8.告知通过其他途径办理数', unit: '件', level: 2, path: p('requests', 'answered', 'other_channel') },
  {
    label: '四、行政复议数量',
    unit: '件',
    level: 0,
    path: p('reviews', 'total'),
    sumOf: ['upheld', 'corrected', 'other'].map((k) => p('reviews', k)),
  },
  { label: '（一）维持具体行政行为数', unit: '件', level: 1, path: p('reviews', 'upheld') },
  { label: '（二）被依法纠错数', unit: '件', level: 1, path: p('reviews', 'corrected') },
  { label: '（三）其他情形数', unit: '件', level: 1, path: p('reviews', 'other') },
  {
    label: '五、行政诉讼数量',
    unit: '件',
    level: 0,
    path: p('litigation', 'total'),
    sumOf: ['upheld', 'corrected', 'other'].map((k) => p('litigation', k)),
  },
  { label: '（一）维持具体行政行为或者驳回原告诉讼请求数', unit: '件', level: 1, path: p('litigation', 'upheld') },
  { label: '（二）被依法纠错数', unit: '件', level: 1, path: p('litigation', 'corrected') },
  { label: '（三）其他情形数', unit: '件', level: 1, path: p('litigation', 'other') },
  { label: '六、举报投诉数量', unit: '件', level: 0, path: p('complaints') },
  { label: '七、依申请公开信息收取的费用', unit: '万元', level: 0, path: p('fees'), money: true },
  { label: '八、机构建设和保障经费情况', unit: GROUP, level: 0 },
  { label: '（一）政府信息公开工作专门机构数', unit: '个', level: 1, path: p('organisation', 'offices') },
  { label: '（二）设置政府信息公开查阅点数', unit: '个', level: 1, path: p('organisation', 'reading_points') },
  {
    label: '（三）从事政府信息公开工作人员数',
    unit: '人',
    level: 1,
    path: p('organisation', 'staff', 'total'),
    sumOf: ['full_time', 'part_time'].map((k) => p('organisation', 'staff', k)),
  },
  { label: '1.专职人员数（不包括政府公报及政府网站工作人员数）', unit: '人', level: 2, path: p('organisation', 'staff', 'full_time') },
  { label: '2.兼职人员数', unit: '人', level: 2, path: p('organisation', 'staff', 'part_time') },
  {
    label: '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）',
    unit: '万元',
    level: 1,
    path: p('organisation', 'budget'),
    money: true,
  },
  { label: '九、政府信息公开会议和培训情况', unit: GROUP, level: 0 },
  { label: '（一）召开政府信息公开工作会议或专题会议数', unit: '次', level: 1, path: p('meetings', 'meetings') },
  { label: '（二）举办各类培训班数', unit: '次', level: 1, path: p('meetings', 'trainings') },
  { label: '（三）接受培训人员数', unit: '人次', level: 1, path: p('meetings', 'trainees') },
];

/** The sums the table implies; the rule id under which a typed total that disagrees is reported. */
export const SUM_RULES: Record<string, RuleId> = {
  'requests.received.total': 'L1',
  'requests.completed.total': 'L2',
  'requests.answered.total': 'L3',
  'requests.answered.refused.total': 'L4',
  'reviews.total': 'L5',
  'litigation.total': 'L5',
  'organisation.staff.total': 'L6',
};
