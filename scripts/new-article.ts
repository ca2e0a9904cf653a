// `npm run new -- --lang es --section mundo --author daniela-ortiz "Título de la nota"`:
// writes content/articles/<yyyy>/<slug>.md as a draft dated now in the
// newsroom's time zone, after the content rules have checked it (unknown
// sections and authors get the content check's own messages).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { SITE } from '../src/site.ts';
import { isoWithOffset, zonedDateParts } from '../src/lib/dates.ts';
import { articleSourceProblems, contentIndex } from '../src/lib/rules/article-rules.ts';
import { frontmatterOf } from '../src/lib/rules/date-rules.ts';
import { nodeFileProbe } from '../src/lib/rules/node-file-probe.ts';
import {
  articleSource,
  kindProblem,
  resolveSection,
  slugFromTitle,
  slugProblem,
  fail,
} from './newsroom-cli.ts';

const USAGE =
  'usage: npm run new -- --lang <es|en> --section <section> --author <author-id> [--author …] [--kind news|analysis|opinion|live] [--slug <slug>] "Headline"';

const root = process.cwd();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lang: { type: 'string' },
    section: { type: 'string' },
    author: { type: 'string', multiple: true },
    kind: { type: 'string', default: 'news' },
    slug: { type: 'string' },
  },
});
const title = positionals.join(' ').trim();
if (!title || !values.lang || !values.section || !values.author?.length) fail([USAGE]);
if (!(SITE.langs as readonly string[]).includes(values.lang)) {
  fail([`--lang: "${values.lang}" is not an edition (${SITE.langs.join(', ')})`]);
}

const sectionsDir = join(root, 'content/sections');
const sections = readdirSync(sectionsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const data = parseYaml(readFileSync(join(sectionsDir, f), 'utf8')) as {
      path?: Record<string, string>;
    };
    return { id: f.replace(/\.yaml$/, ''), path: data.path };
  });

const now = new Date();
const slug = values.slug ?? slugFromTitle(title);
const file = `content/articles/${zonedDateParts(now).year}/${slug}.md`;
const source = articleSource(
  {
    title,
    dek: values.lang === 'es' ? 'Sumario de la nota.' : 'What the story is about.',
    publishedAt: isoWithOffset(now),
    authors: values.author,
    // An unknown section is written as given, so the rules name it.
    section: resolveSection(values.section, sections) ?? values.section,
    tags: [],
    lang: values.lang,
    kind: values.kind,
    draft: true,
  },
  '',
);

const probe = nodeFileProbe(root);
const index = contentIndex(probe);
const data = parseYaml(frontmatterOf(source)) as Record<string, unknown>;
const problems = [
  ...[slugProblem(file, slug, index.articles), kindProblem(file, values.kind)].filter(
    (p) => p !== undefined,
  ),
  ...articleSourceProblems({ file, source, data, index, probe }),
];
if (problems.length > 0) fail(problems);

mkdirSync(join(root, file, '..'), { recursive: true });
writeFileSync(join(root, file), source);
console.log(`${file}: written as a draft; remove "draft: true" to publish it.`);
