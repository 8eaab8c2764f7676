/**
 * The words that make a message urgent, by kind of danger, and the look-alike phrases that
 * must not. Patterns run over normalised text (src/nlu/normalize.ts: simplified, no
 * punctuation or spaces; digits kept). To add a word, add a pattern here and a case to
 * test/nlu/urgent.test.ts.
 */

/** The kinds of urgent danger a report is routed by. */
export type UrgentKind = 'fire' | 'gas' | 'trapped' | 'electric' | 'water' | 'other';

/** Phrases that contain an urgent word but are not an emergency; removed before matching. */
export const FALSE_FRIENDS: readonly string[] = [
  // Chimney smoke is everyday village cooking, and the rest are figures of speech.
  '烟囱冒烟',
  '冒烟的烟囱',
  '烟囱在冒烟',
  '嗓子冒烟',
  '喉咙冒烟',
  '气得冒烟',
  '气到冒烟',
  // Risks and paperwork, not a fire now: hazard.report handles them without alarm.
  '火灾隐患',
  '火灾风险',
  '火灾保险',
  '火灾险',
  '火灾演练',
  '消防演练',
  '防火灾',
  '预防火灾',
  '火灾逃生知识',
  // Devices and figures of speech.
  '漏电保护',
  '漏电开关',
  '防漏电',
  '触电的感觉',
  '触电般',
  '像触电',
  '落水管',
  '被困扰',
  '被困难',
  '被困惑',
  '信息爆炸',
  '爆炸新闻',
  '爆炸性',
  '燃气费',
  '煤气费',
  '天然气费',
];

/** One pattern per line of danger; the first match decides the kind. */
export const URGENT_PATTERNS: ReadonlyArray<{ kind: UrgentKind; pattern: RegExp }> = [
  { kind: 'electric', pattern: /电线.{0,4}(冒火花|起火|着火|打火|烧)|冒火花|电火花|触电|被电到|电到人|漏电|高压线.{0,3}(断|掉)|电线.{0,3}(断了|掉地上|掉下来|垂下来)/ },
  { kind: 'fire', pattern: /着火|著火|起火|失火|火灾|冒烟|烟很大|好大的烟|浓烟|火很大|火好大|(房|屋|车|楼|厨房|电瓶|柴|草|山).{0,3}(烧起来|烧着了)|火苗|火势|救火|火警|打119/ },
  { kind: 'gas', pattern: /(煤气|燃气|天然气|液化气|瓦斯).{0,4}(泄漏|泄露|漏了|漏气|在漏|味|臭|中毒)|煤气罐.{0,3}(漏|爆)|一氧化碳中毒/ },
  { kind: 'trapped', pattern: /被困|困在(电梯|屋|家|楼|房|山|水|河|火|里面|井)|电梯.{0,3}(困人|关人|卡人|困住)|(困|关|卡|锁)在电梯|电梯里.{0,3}(出不来|有人)/ },
  { kind: 'water', pattern: /落水|溺水|淹死|被水冲走|(人|孩|娃|老人|老头|老太).{0,4}(掉|跌|落|滑)(进|到|入)?(河|水|塘|湖|池|井)/ },
  { kind: 'other', pattern: /爆炸|炸开了|(房子|房屋|楼|墙|屋顶|桥).{0,2}(塌了|倒了|倒塌|坍塌)|倒塌|坍塌|塌方|山体滑坡|泥石流|有人晕倒|有人昏倒|晕倒了|昏倒了|车祸|有人受伤/ },
];

/** Words right before a match that deny it (`没有着火`), unless part of a question (`有没有着火`). */
export const NEGATIONS: readonly string[] = ['没有', '没', '不是', '并未', '未', '不会'];

/**
 * Words shortly before a match that make it a worry about the future, not a danger now
 * (`万一着火咋办`, `容易漏电`): hazard.report still takes these through the classifier.
 */
export const HYPOTHETICAL = /万一|怕|容易|可能会|会不会|担心|小心|防止|以免|避免|预防|如果|要是/;

/**
 * A follow-up on an earlier report (`上周报的煤气味的事，后来查了吗`): it mentions the danger
 * but asks how the report went, which is report.status, not a new alarm.
 */
export const FOLLOW_UP = /(报|反映|举报|上报|说)(的|过|了的)[^。]{0,12}(怎么样|处理|查了|管了|修了|进展|结果|后来|有人管|回复)/;
