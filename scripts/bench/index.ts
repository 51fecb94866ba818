/** `npm run bench [-- name…]`: runs scripts/bench/<name>.ts, every one when none is named (tokens first). */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('index.') && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort((a, b) => (a === 'tokens' ? -1 : b === 'tokens' ? 1 : a.localeCompare(b)));
const requested = process.argv.slice(2);
for (const name of requested) {
  if (!available.includes(name)) {
    process.stderr.write(`usage: npm run bench -- [${available.join('|')}]\n`);
    process.exit(2);
  }
}
for (const name of requested.length ? requested : available) {
  console.log(`\n## ${name}`);
  const module = (await import(`./${name}.ts`)) as { main(args: string[]): Promise<void> };
  await module.main([]);
}
