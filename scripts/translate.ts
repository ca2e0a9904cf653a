// `npm run translate -- content/articles/2026/slug.md --to en`: scaffolds the
// paired translation beside the original (so its photo paths still work),
// as a draft dated now with the original's text to translate, and links it
// to the original with `translationOf`; the pages link the two both ways.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { SITE } from '../src/site.ts';
import { isoWithOffset } from '../src/lib/dates.ts';
import { articleSourceProblems, contentIndex } from '../src/lib/rules/article-rules.ts';
import { bodyOf, frontmatterOf } from '../src/lib/rules/date-rules.ts';
import { nodeFileProbe } from '../src/lib/rules/node-file-probe.ts';
import { articleSource, fail, slugProblem, translationOf } from './newsroom-cli.ts';

const USAGE =
  'usage: npm run translate -- content/articles/<yyyy>/<slug>.md --to <lang> [--slug <slug>]';

const root = process.cwd();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { to: { type: 'string' }, slug: { type: 'string' } },
});
const [given] = positionals;
if (!given || !values.to) fail([USAGE]);
const to = values.to;
if (!(SITE.langs as readonly string[]).includes(to)) {
  fail([`--to: "${to}" is not an edition (${SITE.langs.join(', ')})`]);
}

const originalFile = relative(root, join(root, given)).split('\\').join('/');
const articlesDir = 'content/articles/';
if (!originalFile.startsWith(articlesDir) || !originalFile.endsWith('.md')) {
  fail([`${originalFile}: file name: not an article (content/articles/<yyyy>/<slug>.md)`]);
}
const text = readFileSync(join(root, originalFile), 'utf8');
const data = parseYaml(frontmatterOf(text)) as Record<string, unknown>;
if (data['lang'] === to) {
  fail([
    `${originalFile}: lang: the article is already in "${to}"; translate it to another edition`,
  ]);
}
const id = originalFile.slice(articlesDir.length, -'.md'.length);
const { article, body } = translationOf(
  { id, data, body: bodyOf(text).body },
  to,
  isoWithOffset(new Date()),
);

const slug = values.slug ?? `${basename(id)}-${to}`;
const file = `${dirname(originalFile)}/${slug}.md`;
const probe = nodeFileProbe(root);
const index = contentIndex(probe);

// One translation per edition: look for an article that already translates the same original into `to`.
const taken = [...index.articles].find(([otherId, path]) => {
  const other = parseYaml(
    frontmatterOf(readFileSync(join(root, articlesDir, path), 'utf8')),
  ) as Record<string, unknown> | null;
  const sameStory =
    other?.['translationOf'] === article.translationOf || otherId === article.translationOf;
  return sameStory && other?.['lang'] === to;
});
const source = articleSource(article, body);
const problems = [
  ...(taken
    ? [
        {
          file,
          field: 'translationOf',
          problem: `"${article.translationOf}" already has a translation in "${to}": content/articles/${taken[1]}`,
        },
      ]
    : []),
  ...[slugProblem(file, slug, index.articles)].filter((p) => p !== undefined),
  ...articleSourceProblems({
    file,
    source,
    data: parseYaml(frontmatterOf(source)) as Record<string, unknown>,
    index,
    probe,
  }),
];
if (problems.length > 0) fail(problems);

mkdirSync(join(root, dirname(file)), { recursive: true });
writeFileSync(join(root, file), source);
console.log(
  `${file}: written as a draft translation of ${originalFile}; translate it and remove "draft: true" to publish it.`,
);
