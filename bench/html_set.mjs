// node bench/html_set.mjs PAIRS_TSV N OUTDIR
// Writes a document set of N official Chinese-English paragraph pairs and an
// MT of them, for the HTML view's benchmark. Each paragraph joins three
// sentence pairs drawn (fixed seed) from an audit's aligned.tsv, so the
// paragraphs differ while each side translates the other; a heading pair
// opens every 50 pairs; the MT leaves out one word in seven of the English.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [pairsPath, count, out] = process.argv.slice(2);
const n = Number(count);
if (!pairsPath || !(n > 0) || !out) {
  console.error('usage: node bench/html_set.mjs PAIRS_TSV N OUTDIR');
  process.exit(2);
}
const pairs = readFileSync(pairsPath, 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split('\t'))
  .filter(([zh, en]) => /[。！？]$/.test(zh) && /[.!?]$/.test(en) && en.split(' ').length >= 6);

let seed = 20210110;  // fixed: the same set every run
const random = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };

const official = [], mt = [];
for (let i = 0; i < n; i++) {
  if (i % 50 === 0) {
    const part = i / 50 + 1;
    official.push(`${part}. 第${part}部分`, `${part}. Part ${part}`);
    mt.push(`${part}. Part ${part}`);
  }
  const picked = [0, 1, 2].map(() => pairs[random(pairs.length)]);
  const english = picked.map(([, en]) => en).join(' ');
  official.push(picked.map(([zh]) => zh).join(''), english);
  const words = english.split(' ');
  mt.push(words.filter((w, k) => k === words.length - 1 || k % 7 !== 3).join(' '));
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'official-bilingual.txt'), official.join('\n\n') + '\n');
writeFileSync(join(out, 'mt.txt'), mt.join('\n\n') + '\n');
writeFileSync(join(out, 'manifest'), `name = html-bench-${n}\nbilingual = official-bilingual.txt\nmt = mt.txt\n`);
