/**
 * The hub's job categories and the words residents use for them. A category is what a posting
 * is filed under; the synonyms find it in what people say (“扫地的活” → 保洁, “会开叉车” → 叉车).
 * Data, not logic: the hub edits this table when residents use new words.
 */

/** A category as the hub files postings, with the words that name it. */
export interface JobCategory {
  name: string;
  /** Words that mean this category in a resident's message or a posting's title. */
  synonyms: readonly string[];
}

/** Every category, in the order the menu shows them. */
export const JOB_CATEGORIES: readonly JobCategory[] = [
  { name: '保洁', synonyms: ['保洁', '清洁', '打扫', '扫地', '卫生', '洗碗', '物业保洁'] },
  { name: '保安', synonyms: ['保安', '门卫', '看大门', '看门', '巡逻', '值班', '安保'] },
  { name: '普工', synonyms: ['普工', '厂里', '工厂', '流水线', '操作工', '包装工', '包装', '车间', '厂子', '进厂'] },
  { name: '叉车', synonyms: ['叉车', '铲车'] },
  { name: '餐饮服务', synonyms: ['餐饮', '服务员', '帮厨', '厨师', '厨房', '做饭', '食堂', '传菜', '烧饭', '配菜', '面点', '民宿'] },
  { name: '家政', synonyms: ['家政', '保姆', '钟点工', '月嫂', '育儿嫂', '做家务', '阿姨'] },
  { name: '搬运装卸', synonyms: ['搬运', '装卸', '搬家', '卸货', '装车', '力气活', '扛包'] },
  { name: '电工/水电', synonyms: ['电工', '水电', '水电工', '维修电工', '水管', '修水电'] },
  { name: '建筑/泥瓦', synonyms: ['建筑', '泥瓦', '泥水', '瓦工', '工地', '小工', '刷墙', '油漆', '木工', '钢筋', '砌墙', '装修'] },
  { name: '农业/采摘', synonyms: ['农业', '采摘', '种地', '摘', '农场', '种菜', '果园', '茶叶', '除草', '农活', '柑橘', '橘子'] },
  { name: '快递分拣', synonyms: ['快递', '分拣', '包裹', '物流', '派件'] },
  { name: '养老护理', synonyms: ['养老', '护理', '护工', '照顾老人', '陪护', '护理员', '敬老院'] },
  { name: '司机', synonyms: ['司机', '开车', '驾驶', '送货', '驾驶员', '货车', '网约车'] },
  { name: '仓管/理货', synonyms: ['仓管', '仓库', '理货', '库管', '超市', '收银', '看仓库'] },
  { name: '电焊/机修', synonyms: ['电焊', '焊工', '机修', '维修工', '钳工', '修机器'] },
];

/** Category names, for menus and validation. */
export const CATEGORY_NAMES: readonly string[] = JOB_CATEGORIES.map((c) => c.name);

/**
 * The categories a text names, longest synonym first so 水电工 wins over 电工 only where both fit.
 *
 * ```ts
 * categoriesIn('附近有没有日结的保洁'); // ['保洁']
 * categoriesIn('会开叉车');             // ['叉车']
 * ```
 */
export function categoriesIn(text: string): string[] {
  const found: string[] = [];
  for (const category of JOB_CATEGORIES) {
    if (category.name.split('/').some((part) => text.includes(part)) || category.synonyms.some((s) => text.includes(s))) {
      found.push(category.name);
    }
  }
  return found;
}

/**
 * A category by its name or one of its synonyms (for import files that write 电工 for 电工/水电).
 *
 * ```ts
 * categoryNamed('电工'); // '电工/水电'
 * ```
 */
export function categoryNamed(word: string): string | undefined {
  const w = word.trim();
  return (
    JOB_CATEGORIES.find((c) => c.name === w || c.name.split('/').includes(w))?.name ??
    JOB_CATEGORIES.find((c) => c.synonyms.includes(w))?.name
  );
}

/** The words of a category (its name parts and synonyms), to explain a match or find it in a posting. */
export function wordsOf(category: string): readonly string[] {
  const c = JOB_CATEGORIES.find((x) => x.name === category);
  return c ? [...category.split('/'), ...c.synonyms] : [category];
}
