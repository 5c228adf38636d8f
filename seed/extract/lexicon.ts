// General lexicons of the genre (official news about chain-owner mechanisms): the bodies and offices of
// posts, person-name surnames, the suffixes of zones, parks and firms, and words that end a name.
// These are language knowledge, not facts: nothing here becomes a fact without the document's words.

/** Bodies a post belongs to, longest first so that 市人大常委会 wins over 市人大. */
export const BODIES = [
  '市人大常委会',
  '省人大常委会',
  '市委政法委',
  '市委组织部',
  '市委宣传部',
  '市委统战部',
  '市纪委',
  '省委政法委',
  '省纪委',
  '市委',
  '市政府',
  '市人大',
  '市政协',
  '省委',
  '省政府',
  '省人大',
  '省政协',
  '区委',
  '区政府',
  '县委',
  '县政府',
  '人大',
  '政协',
];
/** Offices within a body (市委 + 副书记), longest first. */
export const OFFICES = [
  '主要领导',
  '主要负责同志',
  '常务副书记',
  '党组书记',
  '副书记',
  '书记',
  '常委',
  '副秘书长',
  '秘书长',
  '副主任',
  '主任',
  '副主席',
  '主席',
  '部长',
];
/** Posts written without a body. */
export const STANDALONE_POSTS = [
  '分管副市长',
  '分管副省长',
  '常务副市长',
  '副市长',
  '市长',
  '常务副省长',
  '副省长',
  '省长',
  '副区长',
  '区长',
  '副县长',
  '县长',
];

const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
export const BODY_RE = alt(BODIES);
export const OFFICE_RE = alt(OFFICES);
export const STANDALONE_RE = alt(STANDALONE_POSTS);

/** Common surnames (the first ~120 cover most officials); a person name is a surname + 1–2 characters. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';

/** Two-character surnames (欧阳立峰): tried before the one-character ones. */
export const COMPOUND_SURNAMES =
  '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|夏侯|西门|端木|宇文|司徒|申屠|澹台';

/** Zone and park suffixes, longest first. */
export const ZONE_SUFFIXES = [
  '国家级经济技术开发区',
  '高新技术产业开发区',
  '经济技术开发区',
  '高新技术开发区',
  '综合保税区',
  '国际合作示范区',
  '经济开发区',
  '工业开发区',
  '产业开发区',
  '科技开发区',
  '工业集中区',
  '工业园区',
  '产业园区',
  '高新区',
  '经开区',
  '开发区',
  '示范区',
  '产业园',
  '科技园',
  '工业园',
  '物流园',
  '新区',
  '园区',
  '光谷',
  '药谷',
  '新城',
];
export const ZONE_RE = alt(ZONE_SUFFIXES);

/** Firm suffixes. */
export const FIRM_SUFFIX_RE = '股份有限公司|有限责任公司|有限公司|集团股份有限公司|集团有限公司|集团|公司';
export const UNIVERSITY_RE = '大学|学院';
export const INSTITUTE_RE = '研究院|研究所|科学院[\\u4e00-\\u9fa5]{2,6}?所|科学院|创新中心';

/** Words after which a name starts (a verb or function word ends the left context). */
export const LEFT_STOPS =
  /(?:推行|实施|推进|建立|落实|全面|深化|开展|实行|创新|探索|出台|印发|发布|制定|支持|推动|引导|鼓励|聚焦|围绕|依托|打造|建设|培育|发展|加快|为|是|在|于|由|把|将|对|和|与|及|等|的|了|以|从|向|到|经|、|，|。|“|”|「|」|\s)/g;

/** Generic words that are never a chain's own name. */
export const GENERIC_CHAIN_WORDS = new Set([
  '重点',
  '全市',
  '全省',
  '该',
  '每条',
  '各',
  '本',
  '这',
  '此',
  '重点产业',
  '主导',
  '优势',
  '新兴',
  '相关',
  '上下游',
  '全',
  '该条',
  '两',
  '多',
  '整个',
  '整条',
  '全产业',
  '部分',
  '一次',
  '先进制造业',
  '制造业',
  '战略性新兴',
]);
