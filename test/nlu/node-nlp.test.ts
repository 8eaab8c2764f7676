import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const RUNNER = fileURLToPath(new URL('./node-nlp-run.ts', import.meta.url));

// node-nlp writes model.nlp into the working directory and prints to stdout unless it is
// configured not to: run it in an empty directory in a separate process and look.
describe('node-nlp classifier', () => {
  let cwd: string;
  let result: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'linli-node-nlp-'));
    result = await new Promise((resolve, reject) => {
      const child = spawn(TSX, [RUNNER], { cwd });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }, 120_000);
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('writes no file into the working directory', async () => {
    expect(result.code).toBe(0);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('prints nothing of its own while loading and training', () => {
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe('');
  });

  it('classifies synchronously exactly as node-nlp does asynchronously', () => {
    const out = JSON.parse(result.stdout);
    expect(out.checked).toBeGreaterThan(40);
    expect(out.mismatches).toEqual([]);
  });

  it('survives an export and import', () => {
    const out = JSON.parse(result.stdout);
    expect(out.job).toBe('job.search');
    expect(out.restored).toBe('job.search');
  });
});
