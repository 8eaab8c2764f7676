/**
 * The categories of hazard reports (随手拍) and how a resident's words map to one. Codes are
 * stable (they are the Open311 service codes); names and keywords are what residents say.
 */
import type { UrgentKind } from '../../nlu/urgent-words.js';

/** A category code. */
export type CategoryCode =
  | 'ebike_charging'
  | 'gas'
  | 'straw_burning'
  | 'fire_safety'
  | 'buildings'
  | 'roads_facilities'
  | 'environment'
  | 'disputes'
  | 'other';

/** A category: its code, its Chinese name and the words that point to it. */
export interface Category {
  code: CategoryCode;
  name: string;
  /** One line on what belongs here (Open311 service description). */
  description: string;
  /** Patterns over the resident's text; the first category with a match wins. */
  patterns: RegExp[];
}

/**
 * Every category, in matching order: the specific ones first, so 电动车楼道充电 is e-bike
 * charging rather than fire safety, and 烧秸秆 is straw burning rather than a fire.
 */
export const CATEGORIES: readonly Category[] = [
  {
    code: 'ebike_charging',
    name: '电动车违规充电',
    description: '电动自行车进楼入户、楼道充电、飞线充电',
    patterns: [/飞线/, /(电动车|电瓶车|电驴|电动自行车|电瓶).{0,8}(充电|拉线|推进|进楼|上楼|进电梯|放楼道|停楼道)/, /(楼道|屋里|家里|电梯).{0,6}(充电)/],
  },
  {
    code: 'gas',
    name: '燃气安全',
    description: '燃气泄漏、气瓶违规存放使用、燃气管道',
    patterns: [/煤气|燃气|天然气|液化气|气瓶|钢瓶|一氧化碳/],
  },
  {
    code: 'straw_burning',
    name: '秸秆焚烧',
    description: '露天焚烧秸秆、稻草、杂草',
    patterns: [/秸秆|稻草|麦秆|焚烧|烧(草|稻|田|荒)|田里.{0,4}烧/],
  },
  {
    code: 'fire_safety',
    name: '消防安全',
    description: '消防通道堵塞、消防设施损坏、火灾隐患、起火冒烟',
    patterns: [/消防|灭火器|消火栓|火灾|着火|起火|失火|冒烟|火苗|(楼道|过道|走廊).{0,6}(杂物|堆)|电线.{0,4}(老化|乱拉|冒火花)|漏电|触电/],
  },
  {
    code: 'buildings',
    name: '房屋建筑',
    description: '危房、墙体开裂、违章搭建、高空坠物、电梯故障',
    patterns: [/危房|(墙|房|屋|楼).{0,4}(裂|歪|塌|倾斜|掉)|裂缝|违建|违章|搭建|乱搭|屋顶|脚手架|高空|电梯|漏水|渗水|阳台|外墙/],
  },
  {
    code: 'roads_facilities',
    name: '道路和公共设施',
    description: '道路坑洼、井盖缺失、路灯、护栏、交通设施、公共设施损坏',
    patterns: [/路灯|井盖|坑|马路|道路|路面|路口|红绿灯|信号灯|护栏|栏杆|桥|电线杆|树倒|倒了一棵|下水道|窨井|道闸|停车|消防车道|公交站|健身器材|台阶/],
  },
  {
    code: 'environment',
    name: '环境卫生',
    description: '垃圾堆积、污水、河道、异味、乱倒乱扔、噪声污染',
    patterns: [/垃圾|污水|脏|臭|死鱼|河道|河里|排污|粪|乱扔|乱倒|卫生|苍蝇|蚊子|老鼠|粉尘|灰尘|噪音|噪声|油烟/],
  },
  {
    code: 'disputes',
    name: '矛盾纠纷',
    description: '邻里矛盾、家庭纠纷、打架吵架',
    patterns: [/吵架|打架|纠纷|矛盾|闹事|吵起来|打起来|骂人|扯皮|邻居.{0,6}(吵|闹|打|占|堵)/],
  },
  {
    code: 'other',
    name: '其他',
    description: '其他安全隐患和问题',
    patterns: [],
  },
];

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));

/**
 * The category with this code.
 *
 * @example
 * ```ts
 * categoryByCode('gas')?.name; // '燃气安全'
 * ```
 */
export function categoryByCode(code: string): Category | undefined {
  return byCode.get(code as CategoryCode);
}

/** The Chinese name of a category code (the code itself when unknown). */
export function categoryName(code: string): string {
  return byCode.get(code as CategoryCode)?.name ?? code;
}

/**
 * The category a message points to, if its words say so; `undefined` when unclear, so the
 * dialogue asks with the list rather than guessing.
 *
 * @example
 * ```ts
 * inferCategory('楼道里有人飞线充电'); // 'ebike_charging'
 * inferCategory('五湖村田里有人烧秸秆'); // 'straw_burning'
 * inferCategory('我要随手拍');           // undefined
 * ```
 */
export function inferCategory(text: string): CategoryCode | undefined {
  return CATEGORIES.find((c) => c.patterns.some((p) => p.test(text)))?.code;
}

/** The category an urgent danger belongs to when the words alone do not say. */
export function categoryOfUrgent(kind: UrgentKind): CategoryCode {
  switch (kind) {
    case 'fire':
    case 'electric':
      return 'fire_safety';
    case 'gas':
      return 'gas';
    case 'trapped':
      return 'buildings';
    default:
      return 'other';
  }
}

/**
 * The category a resident's answer names: a category's name, part of it, or words that point
 * to one (“电动车”, “吵架”).
 */
export function categoryFromAnswer(text: string): CategoryCode | undefined {
  const said = text.trim();
  if (!said) return undefined;
  const named = CATEGORIES.find((c) => said === c.name || said.includes(c.name) || (said.length >= 2 && c.name.includes(said)));
  return named?.code ?? inferCategory(said) ?? (/其他|其它|别的|都不是/.test(said) ? 'other' : undefined);
}
