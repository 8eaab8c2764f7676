/**
 * The day seed/jobs-demo.csv is written relative to. The demo seeder shifts every date in the
 * file by (now − this), so the demo postings stay current whenever the demo is loaded.
 */
export const JOBS_DEMO_REFERENCE = '2026-12-01T09:00:00+08:00';
