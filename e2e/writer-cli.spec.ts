import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../scripts/project-copy.mjs';
import { build } from './project-builds';

// The writer's command line in a copy of the project: `npm run new` writes a
// draft that builds as nothing and publishes once `draft` is removed;
// `npm run translate` scaffolds the other edition's version, linked both
// ways; a wrong section or author gets the content check's own message.

const ROOT = join(import.meta.dirname, '..');

function npm(dir: string, args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/** The article pages of a copy's dist/ whose path ends in the slug. */
function pagesOf(dir: string, lang: string, slug: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(join(dir, 'dist', path), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const child = `${path}/${entry.name}`;
      if (entry.name === slug) found.push(`${child}/index.html`);
      else if (/^\d+$/.test(entry.name)) walk(child);
    }
  };
  if (existsSync(join(dir, 'dist', lang))) walk(lang);
  return found;
}

test('a story started with npm run new builds as a draft, publishes without draft, and translates', () => {
  test.setTimeout(360_000);
  const dir = copyProject('writer-cli');
  try {
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const made = npm(dir, [
      'new',
      '--',
      '--lang',
      'es',
      '--section',
      'mundo',
      '--author',
      'daniela-ortiz',
      'Título de la nota',
    ]);
    expect(made.ok, made.output).toBe(true);
    const file = readdirSync(join(dir, 'content/articles'))
      .map((y) => `content/articles/${y}/titulo-de-la-nota.md`)
      .find((f) => existsSync(join(dir, f)));
    expect(file, made.output).toBeDefined();
    const path = join(dir, file ?? '');
    const source = readFileSync(path, 'utf8');
    expect(source).toMatch(/^title: Título de la nota$/m);
    expect(source).toMatch(/^section: world$/m);
    expect(source).toMatch(/^draft: true$/m);
    expect(source).toMatch(/^publishedAt: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/m);

    // The same slug again is refused, and so are unknown sections and authors.
    const again = npm(dir, [
      'new',
      '--',
      '--lang',
      'es',
      '--section',
      'mundo',
      '--author',
      'staff',
      'Título de la nota',
    ]);
    expect(again.ok).toBe(false);
    expect(again.output).toContain(': slug: "titulo-de-la-nota" is already the slug of');
    const wrong = npm(dir, [
      'new',
      '--',
      '--lang',
      'es',
      '--section',
      'deportes',
      '--author',
      'nadie',
      'Otra nota',
    ]);
    expect(wrong.ok).toBe(false);

    // The content check says the same about a file that names them.
    const otra = wrong.output.match(/^(content\/articles\/\d{4})\/otra-nota\.md: /m)?.[1];
    expect(otra, wrong.output).toBeDefined();
    writeFileSync(
      join(dir, `${otra}/otra-nota.md`),
      source.replace('section: world', 'section: deportes').replace('- daniela-ortiz', '- nadie'),
    );
    const check = npm(dir, ['check:content']);
    expect(check.ok).toBe(false);
    for (const line of wrong.output.split('\n').filter((l) => l.startsWith('content/'))) {
      expect(check.output).toContain(line);
    }
    rmSync(join(dir, `${otra}/otra-nota.md`));

    const translated = npm(dir, ['translate', '--', file ?? '', '--to', 'en']);
    expect(translated.ok, translated.output).toBe(true);
    const translation = path.replace('titulo-de-la-nota.md', 'titulo-de-la-nota-en.md');
    expect(readFileSync(translation, 'utf8')).toMatch(/^translationOf: \d{4}\/titulo-de-la-nota$/m);

    // Built a minute from now (the stories are dated now): drafts, so no pages.
    const soon = { BUILD_TIME: new Date(Date.now() + 60_000).toISOString() };
    const drafts = build(dir, soon);
    expect(drafts.ok, drafts.output).toBe(true);
    expect(pagesOf(dir, 'es', 'titulo-de-la-nota')).toEqual([]);

    // The writer writes the story (an empty body is refused once it can be published).
    for (const f of [path, translation]) {
      writeFileSync(f, `${readFileSync(f, 'utf8').replace('draft: true\n', '')}\nThe story.\n`);
    }
    const published = build(dir, soon);
    expect(published.ok, published.output).toBe(true);
    const [es] = pagesOf(dir, 'es', 'titulo-de-la-nota');
    const [en] = pagesOf(dir, 'en', 'titulo-de-la-nota-en');
    expect(es).toBeDefined();
    expect(en).toBeDefined();
    const esPage = readFileSync(join(dir, 'dist', es ?? ''), 'utf8');
    const enPage = readFileSync(join(dir, 'dist', en ?? ''), 'utf8');
    expect(esPage).toContain(`href="/${(en ?? '').replace(/index\.html$/, '')}"`);
    expect(enPage).toContain(`href="/${(es ?? '').replace(/index\.html$/, '')}"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
