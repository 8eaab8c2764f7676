import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/core/scheduler.js';
import { memoryLog } from '../helpers/app.js';

describe('scheduler', () => {
  it('never overlaps a task with itself and keeps going after a failure', async () => {
    const { log, logs } = memoryLog();
    const scheduler = new Scheduler(log);
    let running = 0;
    let most = 0;
    let runs = 0;
    scheduler.every('slow', 60_000, async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
      if (++runs === 1) throw new Error('first run fails');
    });
    await Promise.all([scheduler.runNow('slow'), scheduler.runNow('slow')]);
    await scheduler.runNow('slow');
    expect(most).toBe(1);
    expect(runs).toBe(2); // the overlapping call was skipped
    expect(logs.some((l) => l.msg === 'scheduled task failed' && l.task === 'slow')).toBe(true);
    await scheduler.stop();
  });

  it('refuses a name twice', () => {
    const scheduler = new Scheduler(memoryLog().log);
    scheduler.every('a', 1000, () => {});
    expect(() => scheduler.every('a', 1000, () => {})).toThrow(/twice/);
  });
});
