// The initial JavaScript a browser downloads before the app can start, gzipped: every script and
// modulepreload that web/dist/index.html names (the entry chunks; lazily imported chunks are not
// initial). Prints one line per file and the total against the budget; exits 1 over budget.
//   node bench/bundle-size.mjs [dist] [--budget-kb 250]

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialScripts } from './initial-scripts.mjs';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget-kb');
const budgetKb = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : 250;
const dist = resolve(args[0] ?? 'dist');

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = initialScripts(html);
if (files.length === 0) {
  console.error(`bundle-size: ${dist}/index.html names no script; build the web interface first`);
  process.exit(2);
}
let totalRaw = 0;
let totalGzip = 0;
for (const file of files) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  totalRaw += bytes.length;
  totalGzip += gz;
  console.log(`${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`);
}
const kb = totalGzip / 1024;
const ok = kb <= budgetKb;
console.log(
  `initial JavaScript: ${kb.toFixed(1)} KB gzipped (${(totalRaw / 1024).toFixed(1)} KB raw) in ${files.length} file(s); ` +
    `budget ${budgetKb} KB: ${ok ? 'within' : 'OVER'} (${((kb / budgetKb) * 100).toFixed(0)}% of it)`,
);
process.exit(ok ? 0 : 1);
