import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Run `npx tsx scripts/classify.ts` with the given stdin; resolve with its output. */
function runClassify(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/classify.ts'], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input, 'utf8');
  });
}

describe('npm run classify', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'linli-classify-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('writes one JSON line per input line, and nothing else on stdout', async () => {
    const lines = ['附近有没有日结的保洁', '今天天气怎么样', '三楼着火了！！', '', '我的电话13812345678'];
    const { code, stdout } = await runClassify(`${lines.join('\n')}\n`, { DATA_DIR: dataDir, NLU_CACHE_DIR: path.join(dataDir, 'nlu-cache'), LOG_LEVEL: 'info' });
    expect(code).toBe(0);
    const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.text)).toEqual(lines);
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(['entities', 'intent', 'score', 'text']);
      expect(o.score).toBeTypeOf('number');
      expect(Array.isArray(o.entities)).toBe(true);
    }
    expect(out[0]!.intent).toBe('job.search');
    expect(out[1]!.intent).toBe('None');
    expect(out[2]!.intent).toBe('hazard.report');
    expect(out[4]!.entities).toContainEqual(expect.objectContaining({ type: 'phone', text: '13812345678' }));
  });

  it('reuses the model cache on the next run', async () => {
    const { code, stdout, stderr } = await runClassify('谢谢\n', { DATA_DIR: dataDir, NLU_CACHE_DIR: path.join(dataDir, 'nlu-cache'), LOG_LEVEL: 'info' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).intent).toBe('thanks');
    expect(stderr).toContain('loaded from cache');
  });
});
