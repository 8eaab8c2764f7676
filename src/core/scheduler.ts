/**
 * Periodic work: escalations, reminders, expiries. Each task runs on its own interval, never
 * overlapping itself; a task that throws is logged and runs again next time. Tasks are plain
 * async functions, so tests call them directly with a controlled clock instead of waiting.
 *
 * ```ts
 * scheduler.every('hazards.escalate', 60_000, () => hazards.escalateOverdue(new Date()));
 * scheduler.start();
 * ```
 */
import type { Logger } from 'pino';

interface Task {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
  timer: NodeJS.Timeout | null;
  running: Promise<unknown> | null;
}

export class Scheduler {
  private readonly tasks = new Map<string, Task>();
  private started = false;

  constructor(private readonly log: Logger) {}

  /** Run `run` every `intervalMs` once started (and once right at start). Names are unique. */
  every(name: string, intervalMs: number, run: () => Promise<unknown> | unknown): void {
    if (this.tasks.has(name)) throw new Error(`task ${name} scheduled twice`);
    const task: Task = { name, intervalMs, run: async () => run(), timer: null, running: null };
    this.tasks.set(name, task);
    if (this.started) this.arm(task);
  }

  /** Start every task. */
  start(): void {
    this.started = true;
    for (const task of this.tasks.values()) this.arm(task);
  }

  /** Stop every task and wait for runs in progress. */
  async stop(): Promise<void> {
    this.started = false;
    for (const task of this.tasks.values()) if (task.timer) clearInterval(task.timer);
    await Promise.all([...this.tasks.values()].map((t) => t.running));
  }

  /** Run one task now (and wait for it), e.g. from the admin CLI. */
  async runNow(name: string): Promise<void> {
    const task = this.tasks.get(name);
    if (!task) throw new Error(`no task ${name}`);
    await this.tick(task);
  }

  private arm(task: Task): void {
    void this.tick(task);
    task.timer = setInterval(() => void this.tick(task), task.intervalMs);
    task.timer.unref();
  }

  private async tick(task: Task): Promise<void> {
    if (task.running) return; // the previous run is still going: skip, never overlap
    task.running = task.run().catch((err) => this.log.error({ err, task: task.name }, 'scheduled task failed'));
    try {
      await task.running;
    } finally {
      task.running = null;
    }
  }
}
