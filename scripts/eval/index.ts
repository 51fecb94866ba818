/** `npm run eval -- <name> [args]`: runs scripts/eval/<name>.ts. */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => /\.[tj]s$/.test(f) && !f.startsWith('index.') && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.[tj]s$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run eval -- <${available.join('|')}> [options]\n`);
  process.exit(2);
}
const module = (await import(`./${name}.ts`)) as { main(args: string[]): Promise<void> };
await module.main(args);
