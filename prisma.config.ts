// Prisma CLI configuration (Prisma 7). Linli itself does not need the CLI at run time: the app
// applies prisma/migrations at start-up (src/db/migrator.ts) and `npm run db:migrate` authors
// migrations offline. Where Prisma's native schema engine can be downloaded, `npx prisma migrate
// dev|deploy|status` work on the same folder and database too.
import { isAbsolute, resolve } from 'node:path';
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/linli.db';
const path = url.replace(/^file:/, '');

export default defineConfig({
  schema: 'prisma/schema',
  migrations: {
    path: 'prisma/migrations',
  },
  datasource: {
    // A relative path is taken from the working directory, as the app does (src/db/client.ts),
    // so the CLI and the app open the same file.
    url: path === ':memory:' || isAbsolute(path) ? url : `file:${resolve(path)}`,
  },
});
