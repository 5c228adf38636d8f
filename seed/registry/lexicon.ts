// Configuration data (not graph facts): per segment, the registry words and GB/T 4754 codes that place a
// firm on it, with a weight each; and the look-alike cues that veto a segment (汽车货运, 宠物医院…).
// Weights are combined by noisy-or in classify.ts; a rule names the finest segment it is sure of.
export interface Rule {
  segment: string;
  /** Regular-expression source, matched against the field below. */
  pattern: string;
  field: 'scope' | 'name' | 'industry';
  weight: number;
}

const r = (segment: string, field: Rule['field'], weight: number, ...patterns: string[]): Rule[] =>
  patterns.map((pattern) => ({ segment, pattern, field, weight }));

const S = 'segment:';
export const RULES: Rule[] = [
  // ---- new-energy vehicles ----
  ...r(`${S}nev-vehicles`, 'scope', 0.85, '道路机动车辆生产', '新能源(汽)?车整车制造', '整车制造'),
  ...r(`${S}nev-vehicles`, 'scope', 0.75, '(专用|改装)汽车[^；]*制造'),
  ...r(`${S}nev-vehicles`, 'industry', 0.5, 'C361[12]', '汽车整车制造', '新能源车整车制造', 'C3630', '改装汽车制造'),
  ...r(`${S}nev-vehicles`, 'name', 0.3, '(电动|新能源)汽车有限', '专用车'),
  ...r(`${S}nev-parts`, 'scope', 0.7, '汽车零部件及配件制造', '汽车零配件制造', '汽车零部件(研发|制造)'),
  ...r(`${S}nev-parts`, 'industry', 0.5, 'C3670', '汽车零部件及配件制造'),
  ...r(`${S}nev-parts`, 'name', 0.3, '汽车(配件|饰件|零部件|部件)', '制动系统', '底盘'),
  ...r(`${S}nev-parts-battery`, 'scope', 0.7, '(锂离子|动力)?电池制造', '电池零配件生产'),
  ...r(`${S}nev-parts-battery`, 'industry', 0.5, 'C384\\d', '锂离子电池制造'),
  ...r(`${S}nev-parts-motor`, 'scope', 0.7, '电机(及其控制系统)?(制造|研发)', '电驱动'),
  ...r(`${S}nev-parts-motor`, 'name', 0.3, '电驱'),
  ...r(`${S}nev-parts-engine`, 'scope', 0.7, '发动机'),
  ...r(`${S}nev-parts-engine`, 'name', 0.4, '发动机'),
  ...r(`${S}nev-parts-gearbox`, 'scope', 0.75, '变速箱', '变速器'),
  ...r(`${S}nev-parts-gearbox`, 'name', 0.4, '变速'),
  ...r(
    `${S}nev-aftermarket`,
    'scope',
    0.75,
    '机动车修理和维护',
    '汽车修理',
    '汽车维修',
    '汽车美容',
    '充电桩',
    '充电站',
    '机动车充电',
  ),
  ...r(`${S}nev-aftermarket`, 'industry', 0.5, 'O8111', '汽车修理与维护', 'F5267', '机动车充电'),
  ...r(`${S}nev-services-rnd-design`, 'scope', 0.5, '工业设计服务', '汽车(零部件)?(研发|设计)'),
  ...r(`${S}nev-services-rnd-design`, 'name', 0.5, '汽车设计', '汽车技术'),
  ...r(`${S}nev-services-trade`, 'scope', 0.7, '二手车(经纪|交易|经销)', '汽车(新车)?销售', '汽车零配件(批发|零售)'),
  ...r(
    `${S}nev-services-trade`,
    'industry',
    0.5,
    'F5172',
    'F526[12]',
    '汽车(旧车|新车)?(零售|批发)',
    '汽车及零配件批发',
  ),
  ...r(`${S}nev-services-finance`, 'scope', 0.75, '汽车(金融|融资租赁)', '车辆融资租赁'),
  ...r(`${S}nev-services-finance`, 'name', 0.5, '汽车金融'),
  ...r(`${S}nev-services-culture-tourism`, 'name', 0.6, '汽车(主题)?文化', '汽车文旅', '汽车旅游'),
  ...r(`${S}nev-services-culture-tourism`, 'scope', 0.4, '汽车文化', '汽车主题'),
  // ---- optoelectronics ----
  ...r(
    `${S}opto-ic`,
    'scope',
    0.75,
    '集成电路(芯片)?(设计|制造)',
    '半导体(分立)?器件制造',
    '芯片(设计|制造)',
    '功率器件',
    '封装测试',
  ),
  ...r(`${S}opto-ic`, 'scope', 0.7, '功率半导体', 'IGBT', 'MOSFET'),
  ...r(`${S}opto-ic`, 'industry', 0.5, 'I6520', 'C397[123]', '集成电路(设计|制造)'),
  ...r(`${S}opto-ic-cmos`, 'scope', 0.75, '图像传感'),
  ...r(`${S}opto-ic-cmos`, 'name', 0.5, '图像传感', 'CMOS'),
  ...r(`${S}opto-laser-lasers`, 'scope', 0.6, '激光器'),
  ...r(`${S}opto-laser-lasers`, 'name', 0.4, '激光(技术|科技)?有限'),
  ...r(`${S}opto-laser-equipment`, 'scope', 0.7, '激光(切割|焊接|加工|打标)', '金属切割及焊接设备'),
  ...r(`${S}opto-laser-equipment`, 'name', 0.4, '激光装备', '激光设备'),
  ...r(`${S}opto-laser-optical-components`, 'scope', 0.7, '光学玻璃', '光学(元器件|镜头|镜片|薄膜)'),
  ...r(`${S}opto-ssl-chips-modules`, 'scope', 0.75, '半导体照明器件'),
  ...r(`${S}opto-ssl-chips-modules`, 'industry', 0.5, 'C3975', '半导体照明器件'),
  ...r(`${S}opto-ssl-materials`, 'scope', 0.55, '(发光|显示|光电)材料', '电子专用材料'),
  ...r(`${S}opto-ssl-materials`, 'name', 0.4, '光电材料'),
  ...r(`${S}opto-ssl-applications`, 'scope', 0.6, '显示器件制造', 'LED显示', '照明器具制造'),
  ...r(`${S}opto-ssl-applications`, 'name', 0.4, 'LED'),
  ...r(`${S}opto-instruments`, 'scope', 0.7, '光学仪器(制造)?', '电子测量仪器'),
  ...r(`${S}opto-instruments`, 'industry', 0.5, 'C4040', '光学仪器'),
  ...r(`${S}opto-optical-comm`, 'scope', 0.75, '光纤(?!激光)', '光缆', '光通信'),
  ...r(`${S}opto-optical-comm`, 'name', 0.4, '光纤', '光网络', '光通信'),
  ...r(
    `${S}opto-sat-manufacturing`,
    'scope',
    0.75,
    '卫星(及零部件)?(制造|研制)',
    '航天器(及运载火箭)?制造',
    '航天设备制造',
  ),
  ...r(`${S}opto-sat-manufacturing`, 'scope', 0.75, '卫星(及卫星)?零部件', '星载'),
  ...r(`${S}opto-sat-manufacturing`, 'industry', 0.5, 'C374[23]', '航天(相关)?设备制造'),
  ...r(`${S}opto-sat-data-services`, 'scope', 0.75, '卫星遥感', '遥感数据', '卫星数据'),
  ...r(`${S}opto-sat-data-services`, 'scope', 0.45, '地理遥感信息服务'),
  ...r(`${S}opto-satellite`, 'scope', 0.7, '卫星导航', '北斗'),
  ...r(`${S}opto-auto-electronics`, 'scope', 0.75, '智能车载设备', '汽车电子', '车载(雷达|电子)', '智能驾驶', '车联网'),
  ...r(`${S}opto-auto-electronics`, 'industry', 0.5, 'C3962', '智能车载设备'),
  ...r(`${S}opto-auto-electronics`, 'name', 0.4, '汽车电子', '智能网联', '智能驾驶', '智能感知'),
  ...r(
    `${S}opto-industrial-internet`,
    'scope',
    0.6,
    '软件开发',
    '工业互联网',
    '信息系统集成',
    '数据处理和存储支持',
    '信息安全',
    '网络与信息安全',
    '工业软件',
  ),
  ...r(
    `${S}opto-industrial-internet`,
    'industry',
    0.45,
    'I65\\d\\d',
    'I64[34]\\d',
    '软件开发',
    '信息系统集成',
    '信息处理和存储',
  ),
  // ---- biomedicine ----
  ...r(`${S}biomed-biologics`, 'scope', 0.5, '生物药品', '生物制品'),
  // Any 药品生产 licence: too weak alone, it lets a 疫苗/基因 name outweigh a sales licence.
  ...r(`${S}biomed-biologics`, 'scope', 0.3, '药品生产'),
  ...r(`${S}biomed-biologics`, 'industry', 0.5, 'C2761', '生物药品制造'),
  ...r(`${S}biomed-vaccines`, 'scope', 0.75, '疫苗'),
  ...r(`${S}biomed-vaccines`, 'name', 0.75, '疫苗'),
  ...r(`${S}biomed-gene-engineering`, 'name', 0.6, '基因'),
  ...r(`${S}biomed-gene-engineering`, 'industry', 0.5, 'C2762', '基因工程药物'),
  ...r(`${S}biomed-stem-cells`, 'scope', 0.75, '干细胞'),
  ...r(`${S}biomed-stem-cells`, 'name', 0.4, '细胞', '再生医学'),
  ...r(`${S}biomed-tcm`, 'scope', 0.7, '中药饮片', '中药材'),
  ...r(`${S}biomed-tcm`, 'industry', 0.5, 'C2730', '中药饮片'),
  ...r(`${S}biomed-tcm`, 'name', 0.3, '人参'),
  ...r(`${S}biomed-modern-tcm`, 'scope', 0.6, '中成药'),
  // Traders buy herbs too: alone, 中草药收购 does not make a 中药 maker.
  ...r(`${S}biomed-modern-tcm`, 'scope', 0.45, '中草药收购'),
  ...r(`${S}biomed-modern-tcm`, 'industry', 0.5, 'C2740', '中成药'),
  ...r(`${S}biomed-modern-tcm`, 'name', 0.5, '中药(制药|药业)', '现代中药'),
  ...r(`${S}biomed-chemical`, 'scope', 0.7, '原料药', '化学药品', '医药化工'),
  ...r(`${S}biomed-chemical`, 'industry', 0.5, 'C27[12]0', '化学药品'),
  ...r(`${S}biomed-chemical`, 'name', 0.5, '化药', '原料药', '新药研究'),
  ...r(`${S}biomed-devices`, 'scope', 0.65, '第[一二]类医疗器械生产', '康复(辅助)?器械'),
  ...r(`${S}biomed-high-end-devices`, 'scope', 0.8, '第三类医疗器械生产', '植入'),
  ...r(`${S}biomed-health-services`, 'scope', 0.75, '医疗服务', '临床检验', '健康体检', '互联网医院'),
  ...r(`${S}biomed-health-services`, 'name', 0.5, '医院', '门诊', '诊所', '互联网医疗', '体检中心'),
  ...r(`${S}biomed-health-services`, 'industry', 0.5, 'Q84\\d\\d', '专科医院', '临床检验', '健康体检'),
  ...r(`${S}biomed-distribution`, 'scope', 0.75, '药品(批发|零售|经营)', '医疗器械(批发|经营)'),
  ...r(`${S}biomed-distribution`, 'industry', 0.5, 'F5151', 'F5251', '西药(批发|零售)', '医药及医疗器材'),
  ...r(`${S}biomed-aesthetics`, 'scope', 0.8, '医疗美容', '透明质酸'),
  ...r(`${S}biomed-aesthetics`, 'scope', 0.45, '生活美容', '化妆品生产'),
  ...r(`${S}biomed-life-health`, 'scope', 0.6, '健康管理', '营养健康', '保健食品', '养老服务', '康养'),
  ...r(`${S}biomed-life-health`, 'name', 0.3, '健康', '康养'),
];

/** Look-alike cues: when one of these is in the name, industry or scope, the listed segments are vetoed. */
export const VETOES: { pattern: string; segments: RegExp; because: string }[] = [
  {
    pattern: '(道路)?(货物|旅客)运输|货运|客运|物流',
    segments: /^segment:nev-/,
    because: 'transport, not the auto chain',
  },
  { pattern: '宠物|兽医|动物诊疗', segments: /^segment:biomed-/, because: 'animal care, not human health' },
  { pattern: '有机肥|微生物肥料', segments: /.*/, because: 'fertiliser, not biomedicine' },
  { pattern: '拖拉机|农机|农业机械', segments: /^segment:nev-/, because: 'farm machinery, not the auto chain' },
];

/** Business words that mean "no chain" when nothing else places the firm (reported as the reason). */
export const NO_CHAIN = [
  '建设工程施工',
  '房地产',
  '物业管理',
  '餐饮',
  '住宿',
  '家政',
  '保安',
  '劳务派遣',
  '旅行社',
  '仓储',
  '印刷',
  '广告',
];

/**
 * A firm's own business absorbs the licences that serve it: a vehicle maker's parts items, a drug or
 * device maker's sales licence (药品批发, 医疗器械经营), a 医疗美容 clinic's 医疗服务 licence. When both
 * segments are found and the absorbing one scores higher, the absorbed one is not placed.
 */
export const ABSORBS: { by: RegExp; absorbed: RegExp; always?: boolean }[] = [
  // A 道路机动车辆生产 licence settles it, however many parts items the scope lists.
  { by: /^segment:nev-vehicles$/, absorbed: /^segment:nev-parts$/, always: true },
  {
    by: /^segment:biomed-(biologics|vaccines|gene-engineering|tcm|modern-tcm|chemical|devices|high-end-devices)$/,
    absorbed: /^segment:biomed-distribution$/,
  },
  { by: /^segment:biomed-aesthetics$/, absorbed: /^segment:biomed-health-services$/ },
];
