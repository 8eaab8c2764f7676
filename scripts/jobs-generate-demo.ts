/**
 * Writes seed/jobs-demo.csv: the demo postings of the gig-work hub (零工之家), ~40 local
 * employers across the sub-district's villages. Deterministic (a seeded generator), so the file
 * only changes when this script does. Dates are relative to JOBS_DEMO_REFERENCE; the demo
 * seeder shifts them to the day it runs, so the demo never goes stale.
 *
 *   npx tsx scripts/jobs-generate-demo.ts
 *
 * The first rows (JH-A…, JH-X…) are hand-written anchors that test/domains/jobs/search-fixture.json
 * expects on the first page of results (or never, for the expired JH-X… rows).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JOBS_DEMO_REFERENCE } from '../src/domains/jobs/demo-reference.js';

type Unit = '时' | '天' | '月' | '件';
interface Row {
  id: string;
  employer: string;
  title: string;
  category: string;
  description: string;
  village: string;
  location: string;
  pay: number | '';
  payMax: number | '';
  unit: Unit | '';
  headcount: number;
  ageMin: number | '';
  ageMax: number | '';
  skills: string;
  certs: string;
  perks: string;
  dayWork: boolean;
  partTime: boolean;
  contact: string;
  postedDaysAgo: number;
  validDays: number;
  status?: string;
}

const HEADER = ['岗位编号', '用工单位', '岗位名称', '类别', '岗位描述', '村社', '工作地点', '薪资', '薪资上限', '计薪方式', '招聘人数', '年龄下限', '年龄上限', '技能要求', '证书要求', '福利', '日结', '兼职', '联系方式', '发布日期', '有效期至', '状态', '来源'];

// Mulberry32: a tiny seeded generator, so the file is the same on every run.
let seed = 20261201;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const a = (r: Partial<Row> & Pick<Row, 'id' | 'employer' | 'title' | 'category' | 'village'>): Row => ({
  description: '', location: '', pay: '', payMax: '', unit: '', headcount: 2, ageMin: '', ageMax: '', skills: '', certs: '', perks: '',
  dayWork: false, partTime: false, contact: '零工之家 0570-8012345', postedDaysAgo: 0, validDays: 30, ...r,
});

/** Anchors: one clear answer to each resident question in the search fixture. */
const anchors: Row[] = [
  a({ id: 'JH-A01', employer: '安居农贸市场', title: '市场日结保洁', category: '保洁', village: '五湖村', location: '安居农贸市场', pay: 150, unit: '天', dayWork: true, ageMax: 65, description: '早上6点到11点打扫市场通道，当天结工钱' }),
  a({ id: 'JH-A02', employer: '衢州恒力包装有限公司', title: '叉车司机', category: '叉车', village: '双西港社区', location: '双西港产业园', pay: 6000, payMax: 7000, unit: '月', certs: '叉车证', skills: '叉车', ageMax: 55, description: '仓库叉车装卸，持证上岗' }),
  a({ id: 'JH-A03', employer: '康乐居家养老服务中心', title: '助餐送餐员', category: '养老护理', village: '礼贤社区', pay: 2800, unit: '月', ageMin: 45, ageMax: 62, description: '给社区老人送午餐，骑电动车，中午两小时' }),
  a({ id: 'JH-A04', employer: '南湖春苑物业', title: '小区保洁员', category: '保洁', village: '双水桥社区', location: '南湖春苑', pay: 2600, unit: '月', ageMax: 60, description: '小区楼道和垃圾房保洁' }),
  a({ id: 'JH-A05', employer: '浙江华衢纺织有限公司', title: '纺织挡车工（包吃住）', category: '普工', village: '滨港村', pay: 5500, payMax: 6500, unit: '月', perks: '包吃、包住、五险', ageMax: 45, description: '两班倒，包吃包住，新手可学' }),
  a({ id: 'JH-A06', employer: '衢州振兴建筑劳务有限公司', title: '钢筋工（日结）', category: '建筑/泥瓦', village: '双西港社区', pay: 260, unit: '天', dayWork: true, ageMax: 58, skills: '钢筋', description: '工地钢筋绑扎，一天二百六，日结' }),
  a({ id: 'JH-A07', employer: '食荷里共享食堂', title: '食堂帮厨', category: '餐饮服务', village: '五湖村', pay: 120, unit: '天', dayWork: true, ageMax: 60, description: '洗菜切配、打扫后厨，管午饭' }),
  a({ id: 'JH-A08', employer: '六禾物业', title: '小区保安', category: '保安', village: '美港社区', location: '景江华庭', pay: 3200, unit: '月', ageMax: 60, perks: '包住', description: '门岗值班，三班倒' }),
  a({ id: 'JH-A09', employer: '禾亩农场', title: '农场帮工', category: '农业/采摘', village: '南村', location: '禾亩农场', pay: 130, unit: '天', dayWork: true, ageMax: 70, description: '种菜、除草、采摘，按天结' }),
  a({ id: 'JH-A10', employer: '柯城康复护理院', title: '护理员（照顾老人）', category: '养老护理', village: '白凉亭村', pay: 4500, payMax: 5200, unit: '月', ageMin: 35, ageMax: 58, perks: '包吃、包住', certs: '健康证', description: '照顾失能老人起居，有护理经验优先' }),
  a({ id: 'JH-A11', employer: '衢州好帮手家政服务有限公司', title: '钟点工', category: '家政', village: '欣港社区', pay: 35, unit: '时', partTime: true, ageMax: 60, description: '上门打扫做饭，按小时算，时间灵活' }),
  a({ id: 'JH-A12', employer: '联华超市五湖店', title: '周末兼职理货员', category: '仓管/理货', village: '五湖村', pay: 22, unit: '时', partTime: true, ageMax: 50, description: '周六周日上架理货' }),
  a({ id: 'JH-A13', employer: '中通快递双水桥网点', title: '快递分拣员', category: '快递分拣', village: '双水桥社区', pay: 180, unit: '天', dayWork: true, ageMax: 50, description: '晚上包裹分拣，日结' }),
  a({ id: 'JH-A14', employer: '恒安水电安装服务部', title: '维修电工', category: '电工/水电', village: '欣港社区', pay: 300, unit: '天', certs: '电工证', skills: '电工', ageMax: 60, description: '小区水电维修，要电工证' }),
  a({ id: 'JH-A15', employer: '柯城顺达装饰工程队', title: '工地小工', category: '建筑/泥瓦', village: '百家塘村', pay: 200, unit: '天', dayWork: true, ageMax: 60, description: '工地搬砖、和灰、打杂' }),
  a({ id: 'JH-A16', employer: '百家塘柑橘专业合作社', title: '柑橘采摘工', category: '农业/采摘', village: '百家塘村', pay: 0.8, unit: '件', description: '采摘椪柑，按筐计件，一筐八毛', ageMax: 70 }),
  a({ id: 'JH-A17', employer: '衢州新宇电子科技', title: '设备操作工', category: '普工', village: '双西港社区', pay: 5200, payMax: 6500, unit: '月', perks: '五险', ageMax: 45, description: '电子厂流水线操作，长白班' }),
  a({ id: 'JH-A18', employer: '物联万家共富工坊', title: '手工包装工', category: '普工', village: '五湖村', pay: 0.5, unit: '件', ageMax: 70, description: '在工坊做手工组装包装，计件，离家近' }),
  a({ id: 'JH-A19', employer: '南村股份经济合作社', title: '村道保洁', category: '保洁', village: '南村', pay: 1900, unit: '月', ageMax: 68, description: '村里道路清扫，上午半天' }),
  a({ id: 'JH-A20', employer: '衢州宏达建材市场', title: '搬运装卸工', category: '搬运装卸', village: '滨港村', pay: 250, unit: '天', dayWork: true, ageMax: 55, description: '建材装车卸车，力气活，日结' }),
  a({ id: 'JH-A21', employer: '锦绣家园物业', title: '门卫', category: '保安', village: '礼贤社区', location: '锦绣家园', pay: 2500, unit: '月', ageMax: 65, description: '看大门、登记来访车辆' }),
  a({ id: 'JH-A22', employer: '衢州市柯城区鑫达机械厂', title: '电焊工', category: '电焊/机修', village: '双西港社区', pay: 350, unit: '天', skills: '电焊', certs: '焊工证', ageMax: 55, description: '钢结构电焊，要焊工证' }),
  a({ id: 'JH-A23', employer: '好又多生鲜超市美港店', title: '超市理货员', category: '仓管/理货', village: '美港社区', pay: 3300, unit: '月', ageMax: 50, description: '货架补货、整理' }),
  a({ id: 'JH-A24', employer: '礼贤社区居家养老服务站', title: '助老员', category: '养老护理', village: '礼贤社区', pay: 2600, unit: '月', ageMin: 50, ageMax: 65, description: '陪老人聊天、读报、量血压，适合五十岁以上' }),
  a({ id: 'JH-A25', employer: '九润公馆物业服务中心', title: '物业保洁', category: '保洁', village: '欣港社区', location: '九润公馆', pay: 2700, unit: '月', ageMax: 60, description: '物业公共区域保洁' }),
  a({ id: 'JH-A26', employer: '巧手家政', title: '小时工（家庭保洁）', category: '家政', village: '美港社区', pay: 40, unit: '时', partTime: true, ageMax: 58, description: '按小时计费的上门家庭保洁' }),
  a({ id: 'JH-A27', employer: '衢州通达货运', title: '送货司机', category: '司机', village: '滨港村', pay: 6500, payMax: 7500, unit: '月', certs: 'C1驾照', skills: '驾驶', ageMax: 50, description: '开厢式货车市区送货' }),
  a({ id: 'JH-A28', employer: '白凉亭民宿', title: '民宿服务员', category: '餐饮服务', village: '白凉亭村', pay: 3000, unit: '月', perks: '包吃', ageMax: 55, description: '客房整理、端菜' }),
  a({ id: 'JH-A29', employer: '礼贤未来社区邻里食堂', title: '食堂厨师（做饭）', category: '餐饮服务', village: '礼贤社区', pay: 5000, unit: '月', certs: '健康证', ageMax: 58, description: '大锅菜做饭，会做衢州菜' }),
  a({ id: 'JH-A30', employer: '滨港村股份经济合作社', title: '种地零活（除草施肥）', category: '农业/采摘', village: '滨港村', pay: 140, unit: '天', dayWork: true, ageMax: 70, description: '村集体土地除草施肥，干一天结一天' }),
  a({ id: 'JH-A31', employer: '锦绣家园物业', title: '小区保洁', category: '保洁', village: '礼贤社区', location: '锦绣家园', pay: 2500, unit: '月', ageMax: 62, description: '小区楼道、绿化带保洁' }),
  a({ id: 'JH-A32', employer: '梅家蔬菜合作社', title: '村委会保洁', category: '保洁', village: '梅家村', pay: 100, unit: '天', dayWork: true, ageMax: 68, description: '村委会和文化礼堂打扫' }),
  a({ id: 'JH-A33', employer: '衢州欣港物流有限公司', title: '仓库管理员（五险）', category: '仓管/理货', village: '欣港社区', pay: 4800, unit: '月', perks: '五险', ageMax: 50, description: '出入库登记，会用电脑' }),
  a({ id: 'JH-A34', employer: '食荷里共享食堂', title: '半天洗碗工', category: '餐饮服务', village: '五湖村', pay: 20, unit: '时', partTime: true, ageMax: 62, description: '中午11点到2点洗碗，适合宝妈' }),
  // Expired: must never be found.
  a({ id: 'JH-X01', employer: '南湖春苑物业', title: '保洁（已过期）', category: '保洁', village: '双水桥社区', pay: 2600, unit: '月', postedDaysAgo: 40, validDays: 20 }),
  a({ id: 'JH-X02', employer: '衢州恒力包装有限公司', title: '叉车工（已过期）', category: '叉车', village: '双西港社区', pay: 6500, unit: '月', postedDaysAgo: 35, validDays: 30 }),
  a({ id: 'JH-X03', employer: '安居农贸市场', title: '日结搬运（已过期）', category: '搬运装卸', village: '五湖村', pay: 220, unit: '天', dayWork: true, postedDaysAgo: 3, validDays: 2 }),
];

interface Template {
  title: string;
  category: string;
  pay: [number, number];
  unit: Unit;
  dayWork?: boolean;
  partTime?: boolean;
  ageMax?: number;
  perks?: string;
  skills?: string;
  certs?: string;
  description: string;
}
const T = (title: string, category: string, pay: [number, number], unit: Unit, description: string, extra: Partial<Template> = {}): Template => ({ title, category, pay, unit, description, ...extra });

/** ~40 local employers, their village and what they hire for. */
const employers: Array<{ name: string; village: string; jobs: Template[] }> = [
  { name: '六禾物业', village: '美港社区', jobs: [T('物业保洁员', '保洁', [2300, 2700], '月', '小区公共区域保洁'), T('巡逻保安', '保安', [3000, 3400], '月', '小区巡逻，夜班补贴')] },
  { name: '食荷里共享食堂', village: '五湖村', jobs: [T('打菜服务员', '餐饮服务', [100, 130], '天', '中午打菜、收拾桌子', { dayWork: true })] },
  { name: '白凉亭民宿', village: '白凉亭村', jobs: [T('客房保洁', '保洁', [110, 140], '天', '退房后打扫客房', { dayWork: true })] },
  { name: '物联万家共富工坊', village: '五湖村', jobs: [T('来料加工', '普工', [0.3, 0.6], '件', '在家门口做手工，计件')] },
  { name: '禾亩农场', village: '南村', jobs: [T('采摘工', '农业/采摘', [110, 140], '天', '蔬菜瓜果采摘', { dayWork: true })] },
  { name: '安居农贸市场', village: '五湖村', jobs: [T('市场装卸工', '搬运装卸', [180, 230], '天', '凌晨卸货', { dayWork: true }), T('市场巡查员', '保安', [2600, 3000], '月', '市场秩序巡查')] },
  { name: '衢州恒力包装有限公司', village: '双西港社区', jobs: [T('包装普工', '普工', [4200, 5200], '月', '纸箱包装，长白班', { perks: '包吃' }), T('叉车工', '叉车', [5500, 6500], '月', '厂内叉车', { certs: '叉车证' })] },
  { name: '衢州欣港物流有限公司', village: '欣港社区', jobs: [T('装卸工', '搬运装卸', [200, 260], '天', '物流仓装卸货', { dayWork: true }), T('仓库理货员', '仓管/理货', [3800, 4500], '月', '理货盘点')] },
  { name: '中通快递双水桥网点', village: '双水桥社区', jobs: [T('夜班分拣', '快递分拣', [160, 200], '天', '夜班包裹分拣', { dayWork: true })] },
  { name: '圆通速递滨港分拨点', village: '滨港村', jobs: [T('分拣员', '快递分拣', [4000, 5000], '月', '流水线分拣包裹')] },
  { name: '康乐居家养老服务中心', village: '礼贤社区', jobs: [T('居家护理员', '养老护理', [3800, 4600], '月', '上门照护老人', { certs: '健康证' })] },
  { name: '礼贤社区居家养老服务站', village: '礼贤社区', jobs: [T('助浴员', '养老护理', [25, 35], '时', '协助老人洗澡', { partTime: true })] },
  { name: '衢州好帮手家政服务有限公司', village: '欣港社区', jobs: [T('住家保姆', '家政', [4500, 6000], '月', '住家做饭带娃', { perks: '包吃、包住' }), T('育儿嫂', '家政', [5000, 7000], '月', '照顾婴幼儿')] },
  { name: '巧手家政', village: '美港社区', jobs: [T('家政保洁', '家政', [30, 40], '时', '上门打扫', { partTime: true })] },
  { name: '景江华庭物业管理处', village: '美港社区', jobs: [T('绿化养护', '保洁', [2200, 2600], '月', '小区绿化浇水修剪')] },
  { name: '九润公馆物业服务中心', village: '欣港社区', jobs: [T('监控室值班', '保安', [3000, 3500], '月', '监控值班，会用电脑')] },
  { name: '锦绣家园物业', village: '礼贤社区', jobs: [T('夜班保安', '保安', [2800, 3200], '月', '夜间门岗')] },
  { name: '南湖春苑物业', village: '双水桥社区', jobs: [T('水电维修工', '电工/水电', [4000, 5000], '月', '小区水电维修', { certs: '电工证' })] },
  { name: '衢州振兴建筑劳务有限公司', village: '双西港社区', jobs: [T('泥瓦工', '建筑/泥瓦', [300, 380], '天', '砌墙抹灰', { dayWork: true, skills: '泥瓦' }), T('木工', '建筑/泥瓦', [320, 400], '天', '支模板', { skills: '木工' })] },
  { name: '柯城顺达装饰工程队', village: '百家塘村', jobs: [T('油漆工', '建筑/泥瓦', [260, 320], '天', '刷墙刮腻子', { dayWork: true }), T('水电安装工', '电工/水电', [280, 350], '天', '装修水电开槽布线', { certs: '电工证' })] },
  { name: '恒安水电安装服务部', village: '欣港社区', jobs: [T('水电学徒', '电工/水电', [150, 180], '天', '跟师傅学水电')] },
  { name: '百家塘柑橘专业合作社', village: '百家塘村', jobs: [T('柑橘分拣包装', '农业/采摘', [120, 150], '天', '橘子分拣装箱', { dayWork: true, ageMax: 70 })] },
  { name: '汪村茶叶种植基地', village: '汪村村', jobs: [T('采茶工', '农业/采摘', [20, 40], '件', '按斤计价采茶', { ageMax: 70 })] },
  { name: '梅家蔬菜合作社', village: '梅家村', jobs: [T('大棚帮工', '农业/采摘', [120, 140], '天', '大棚种菜', { dayWork: true })] },
  { name: '衢州市柯城区鑫达机械厂', village: '双西港社区', jobs: [T('机修工', '电焊/机修', [5500, 7000], '月', '设备维修保养', { skills: '机修' }), T('打磨工', '普工', [4500, 5500], '月', '零件打磨', { perks: '包吃' })] },
  { name: '衢州新宇电子科技', village: '双西港社区', jobs: [T('电子厂普工', '普工', [4300, 5300], '月', '流水线插件', { perks: '包吃、包住、五险', ageMax: 45 })] },
  { name: '浙江华衢纺织有限公司', village: '滨港村', jobs: [T('缝纫工', '普工', [5000, 6500], '月', '服装缝纫，计件为主', { perks: '包住' })] },
  { name: '衢州顺丰速运欣港营业部', village: '欣港社区', jobs: [T('派件员', '快递分拣', [6000, 8000], '月', '电动车派件', { ageMax: 45 })] },
  { name: '联华超市五湖店', village: '五湖村', jobs: [T('收银员', '仓管/理货', [3000, 3500], '月', '超市收银')] },
  { name: '好又多生鲜超市美港店', village: '美港社区', jobs: [T('生鲜理货', '仓管/理货', [3200, 3800], '月', '生鲜区整理')] },
  { name: '衢州快捷搬家公司', village: '双水桥社区', jobs: [T('搬家师傅', '搬运装卸', [220, 300], '天', '居民搬家', { dayWork: true, ageMax: 50 })] },
  { name: '衢州通达货运', village: '滨港村', jobs: [T('货车司机', '司机', [7000, 9000], '月', '省内货运', { certs: 'B2驾照' })] },
  { name: '礼贤未来社区邻里食堂', village: '礼贤社区', jobs: [T('配菜员', '餐饮服务', [3000, 3600], '月', '洗切配菜', { perks: '包吃' })] },
  { name: '衢州老味道餐馆', village: '梅家村', jobs: [T('传菜服务员', '餐饮服务', [3200, 3800], '月', '传菜收桌', { perks: '包吃' }), T('洗碗工', '餐饮服务', [18, 22], '时', '晚上洗碗', { partTime: true })] },
  { name: '柯城康复护理院', village: '白凉亭村', jobs: [T('护工', '养老护理', [4200, 5000], '月', '病房陪护', { perks: '包吃、包住' })] },
  { name: '滨港村股份经济合作社', village: '滨港村', jobs: [T('公益性岗位保洁', '保洁', [1800, 2000], '月', '村道保洁，优先低保户、残疾人', { ageMax: 70 })] },
  { name: '双水桥社区居委会', village: '双水桥社区', jobs: [T('社区公益性岗位', '保洁', [1800, 2000], '月', '社区环境卫生，优先困难群体', { ageMax: 65 })] },
  { name: '衢州宏达建材市场', village: '滨港村', jobs: [T('建材搬运', '搬运装卸', [220, 280], '天', '瓷砖水泥搬运', { dayWork: true })] },
  { name: '柯城绿源园林绿化公司', village: '汪村村', jobs: [T('绿化工', '农业/采摘', [130, 160], '天', '苗木种植养护', { dayWork: true })] },
  { name: '双西港产业园服务中心', village: '双西港社区', jobs: [T('园区保洁', '保洁', [2400, 2800], '月', '园区道路和办公楼保洁'), T('园区门岗', '保安', [3000, 3400], '月', '园区门岗值班')] },
  { name: '衢州美港洗车行', village: '美港社区', jobs: [T('洗车工', '普工', [150, 180], '天', '洗车打蜡', { dayWork: true })] },
];

const generated: Row[] = [];
for (let i = 1; generated.length < 190; i++) {
  const employer = pick(employers);
  const job = pick(employer.jobs);
  const decimals = job.unit === '件' ? 10 : 1;
  const lo = Math.round((job.pay[0] + rand() * (job.pay[1] - job.pay[0]) * 0.5) * decimals) / decimals;
  const round = job.unit === '月' ? 100 : job.unit === '天' ? 10 : 1;
  const pay = job.unit === '件' ? lo : Math.round(lo / round) * round;
  const ageMax = job.ageMax ?? pick([45, 50, 55, 55, 60, 60, 65]);
  generated.push(
    a({
      id: `JH-${String(i).padStart(4, '0')}`,
      employer: employer.name,
      title: job.title,
      category: job.category,
      village: employer.village,
      description: job.description,
      pay,
      payMax: rand() < 0.3 && job.unit === '月' ? pay + 800 : '',
      unit: job.unit,
      headcount: between(1, 10),
      ageMin: rand() < 0.2 ? 18 : '',
      ageMax,
      skills: job.skills ?? '',
      certs: job.certs ?? '',
      perks: job.perks ?? '',
      dayWork: job.dayWork ?? false,
      partTime: job.partTime ?? false,
      contact: `${employer.name.slice(0, 2)}经理 0570-${between(8000000, 8999999)}`,
      // Older than the anchors, so an anchor ranks first where both answer a question equally.
      postedDaysAgo: between(1, 45),
      validDays: between(10, 60),
      status: rand() < 0.04 ? '已招满' : '招聘中',
    }),
  );
}

const REF = new Date(JOBS_DEMO_REFERENCE).getTime();
const day = (offset: number): string => new Date(REF + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const cell = (v: unknown): string => {
  const s = typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const lines = [HEADER.join(',')];
for (const r of [...anchors, ...generated]) {
  const posted = -r.postedDaysAgo;
  lines.push(
    [r.id, r.employer, r.title, r.category, r.description, r.village, r.location, r.pay, r.payMax, r.unit, r.headcount, r.ageMin, r.ageMax, r.skills, r.certs, r.perks, r.dayWork, r.partTime, r.contact, day(posted), day(posted + r.validDays), r.status ?? '招聘中', '零工之家']
      .map(cell)
      .join(','),
  );
}
const out = fileURLToPath(new URL('../seed/jobs-demo.csv', import.meta.url));
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length - 1} postings from ${new Set([...anchors, ...generated].map((r) => r.employer)).size} employers to ${out}`);
