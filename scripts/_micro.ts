import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
const dir = mkdtempSync(join(tmpdir(), 'micro-'));
const app0 = 0; const app = await startApp(loadConfig({ DATA_DIR: dir, DATABASE_URL: `file:${dir}/l.db`, CHANNELS: 'http', PORT: '0', NLU_CACHE_DIR: '/tmp/linli-bench-nlu-cache', LOG_LEVEL: 'warn' }), createLogger({ level: 'warn' }));
const TEXTS = ['你好', '在吗', '附近有没有日结的保洁', '医保一年交多少钱', '楼道里有人飞线充电', '这周末有什么活动','谢谢', '我要留言', '意见建议', '五十多岁能干啥', '新生儿怎么参保', '我反映的问题怎么样了', '转人工','明天天气怎么样', '双水桥那边招不招人', '重阳节有啥活动', '退订', '删除我的信息'];
let n = 0; const slow: string[] = [];
async function burst(count: number) {
  const t = performance.now();
  const lat: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = performance.now();
    await app.bot.receive({ channel: 'http', userId: `u${n % 2000}`, messageId: `m${n}`, text: TEXTS[n % TEXTS.length]! });
    n++;
    const d = performance.now() - s; lat.push(d); if (d > 5) slow.push(`${TEXTS[(n-1) % TEXTS.length]}:${d.toFixed(1)}`);
  }
  lat.sort((a, b) => a - b);
  console.log(`${count} msgs sequential: ${(count / ((performance.now() - t) / 1000)).toFixed(0)}/s p50 ${lat[Math.floor(count / 2)]!.toFixed(2)} p99 ${lat[Math.floor(count * 0.99)]!.toFixed(2)} max ${lat.at(-1)!.toFixed(1)}`);
}
if (process.env.NOCK) app.db.sqlite.pragma('wal_autocheckpoint = 0');
await burst(2000);
await burst(5000); console.log(slow.slice(-40).join(' '));
console.log('rss', Math.round(process.memoryUsage().rss / 1e6), 'heap', Math.round(process.memoryUsage().heapUsed / 1e6));
await app.stop();
