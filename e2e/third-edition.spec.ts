import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, write } from './project-builds';
import { copyProject } from '../scripts/project-copy.mjs';
import type { Dictionary } from '../src/i18n/dictionary';
import { SITE } from '../src/site';

// A third edition is configuration: a copy of the project gets a Portuguese
// edition in src/site.ts (with its dictionary), section names in Portuguese,
// a Portuguese translation of the seed article and a Portuguese-only story.
// Every expectation below is written out by hand from these files, not
// computed by the code under test.

const ROOT = join(import.meta.dirname, '..');
const SITE_URL = SITE.url;

const PT: Dictionary = {
  skipToContent: 'Pular para o conteúdo',
  sectionsNav: 'Seções',
  editionSwitch: 'Edição',
  home: 'Início',
  publishedLabel: 'Publicado',
  updatedLabel: 'Atualizado',
  by: 'Por',
  tags: 'Temas',
  latest: 'Últimas notícias',
  leadStory: 'Manchete',
  more: 'Mais',
  rssFeed: 'Feed RSS',
  photoCredit: 'Foto',
  articlesBy: 'Artigos de',
  notFoundTitle: 'Página não encontrada',
  notFoundText: 'A página que você procura não existe ou mudou de endereço.',
  backToFront: 'Ir para a página inicial',
  allRights: 'Todos os direitos reservados.',
  archive: 'Arquivo',
  allTopics: 'Todos os temas',
  pagination: 'Páginas',
  previousPage: 'Anterior',
  nextPage: 'Próxima',
  pageLabel: 'Página',
  pageOf: 'de',
  related: 'Notícias relacionadas',
  breadcrumbs: 'Trilha de navegação',
  readInOther: 'Ler em português',
  inSection: 'Mais em',
  newerStory: 'Mais recente',
  olderStory: 'Anterior',
  articleCount: 'artigos',
  sectionFeed: 'Feed desta página',
  correction: 'Correção',
  corrections: 'Correções',
  // issue 12 (newsroom)
  kindAnalysis: 'Análise',
  kindOpinion: 'Opinião',
  kindLive: 'Ao vivo',
  kindLiveEnded: 'Cobertura ao vivo',
  opinionNote: 'Este artigo expressa a opinião de seu autor.',
  liveStarted: 'Cobertura iniciada:',
  liveEnded: 'A cobertura ao vivo terminou:',
  liveUpdates: 'Atualizações',
  correctionsTitle: 'Correções',
  correctionsSlug: 'correcoes',
  correctionsIntro: 'Todas as correções publicadas pela Voz, a mais recente primeiro.',
  correctionTo: 'Correção a',
  // issue 13: search
  searchSlug: 'busca',
  search: 'Buscar',
  searchLabel: 'Buscar no arquivo',
  searchSection: 'Seção',
  searchAuthor: 'Autor',
  searchAllSections: 'Todas as seções',
  searchAllAuthors: 'Todos os autores',
  searchOrder: 'Ordem',
  searchNewest: 'Mais recentes',
  searchRelevance: 'Mais relevantes',
  searchResults: 'resultados',
  searchNoResults: 'Nenhuma matéria corresponde à busca.',
  searchNeedsScript: 'A busca precisa de JavaScript no navegador.',
  searchMore: 'Mais resultados',
};

const PT_EDITION = `pt: {
      locale: 'pt-BR',
      ogLocale: 'pt_BR',
      label: 'Português',
      tagline: 'Notícias dos Estados Unidos e do mundo',
      about: 'Notícias independentes dos Estados Unidos e do mundo, em três idiomas.',
      staffByline: 'Redação Voz',
      ui: pt,
    },`;

const SECTION_NAMES: Readonly<Record<string, string>> = {
  us: 'Estados Unidos',
  world: 'Mundo',
  politics: 'Política',
  economy: 'Economia',
  culture: 'Cultura',
};

/** The seed article in its three editions, by the URLs its frontmatter gives. */
const SEED = {
  en: '/en/2024/11/12/north-korea-russia-treaty/',
  es: '/es/2024/11/12/corea-del-norte-rusia-tratado/',
  pt: '/pt/2024/11/12/coreia-do-norte-russia-tratado/',
};
const PT_TITLE = 'Coreia do Norte e Rússia ratificam seu tratado ampliado de cooperação em defesa';
const PT_ONLY = '/pt/2026/11/27/festival-cinema-brasileiro-miami/';
const PT_ONLY_TITLE = 'Festival de cinema brasileiro bate recorde de público em Miami';

/** Replaces `pattern` in `text`, failing loudly when src/site.ts no longer has it. */
function edit(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`src/site.ts no longer matches ${pattern}`);
  return text.replace(pattern, replacement);
}

function addPortuguese(dir: string): void {
  write(
    dir,
    'src/i18n/pt.ts',
    "import type { Dictionary } from './dictionary.ts';\n\n" +
      `export const pt = ${JSON.stringify(PT, null, 2)} as const satisfies Dictionary;\n`,
  );
  const sitePath = join(dir, 'src/site.ts');
  let site = readFileSync(sitePath, 'utf8');
  site = edit(
    site,
    /^(import \{ es \} from '\.\/i18n\/es\.ts';)$/m,
    "$1\nimport { pt } from './i18n/pt.ts';",
  );
  site = edit(site, /langs: \[([^\]]*)\]/, "langs: [$1, 'pt']");
  site = edit(site, /editions: \{\n/, `editions: {\n    ${PT_EDITION}\n`);
  writeFileSync(sitePath, site);

  for (const file of readdirSync(join(dir, 'content/sections'))) {
    const path = join(dir, 'content/sections', file);
    const name = SECTION_NAMES[file.replace(/\.yaml$/, '')];
    if (!name) throw new Error(`no Portuguese name for section ${file}`);
    writeFileSync(path, edit(readFileSync(path, 'utf8'), /^name:\n/m, `name:\n  pt: ${name}\n`));
  }

  write(
    dir,
    'content/articles/2024/coreia-do-norte-russia-tratado.md',
    `---
title: ${PT_TITLE}
dek: O acordo estabelece um mecanismo de defesa mútua entre os dois países em caso de agressão militar.
publishedAt: 2024-11-12T12:00:00-06:00
authors: [staff]
section: world
tags: [Coreia do Norte, Rússia]
lang: pt
translationOf: 2024/north-korea-russia-treaty
---

A Coreia do Norte e a Rússia ratificaram seu acordo de cooperação em defesa, anunciou a imprensa estatal na terça-feira.
`,
  );
  write(
    dir,
    'content/articles/2026/festival-cinema-brasileiro-miami.md',
    `---
title: ${PT_ONLY_TITLE}
dek: A mostra reuniu mais de 40 mil espectadores em dez dias, um recorde desde sua criação.
publishedAt: 2026-11-27T09:00:00-06:00
authors: [lucia-herrera]
section: culture
tags: [cinema, Miami]
lang: pt
---

O festival de cinema brasileiro de Miami encerrou sua edição com público recorde.
`,
  );
}

let dir = '';
let buildOutput = '';

test.describe('a third edition added by configuration', () => {
  test.describe.configure({ mode: 'serial', timeout: 600_000 });

  test.beforeAll(() => {
    dir = copyProject('third-edition');
    for (const folder of ['authors', 'sections', 'articles/2024']) {
      cpSync(join(ROOT, 'content', folder), join(dir, 'content', folder), { recursive: true });
    }
    addPortuguese(dir);
    const result = build(dir);
    buildOutput = result.output;
  });

  test.afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const read = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
  const open = async (page: Page, path: string) =>
    page.setContent(read(`${path.slice(1)}index.html`), { waitUntil: 'domcontentloaded' });

  test('builds', () => {
    expect(buildOutput).toContain('dist/ updated from the new build');
  });

  test('has a Portuguese front page with both Portuguese stories', async ({ page }) => {
    await open(page, '/pt/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page).toHaveTitle(`${SITE.name}: Notícias dos Estados Unidos e do mundo`);
    for (const [title, path] of [
      [PT_TITLE, SEED.pt],
      [PT_ONLY_TITLE, PT_ONLY],
    ] as const) {
      await expect(page.getByRole('link', { name: title }).first()).toHaveAttribute('href', path);
    }
    await expect(page.getByRole('link', { name: 'Cultura' }).first()).toBeVisible();
    await expect(
      page.getByText('Notícias independentes dos Estados Unidos e do mundo, em três idiomas.'),
    ).toBeVisible();
  });

  test('offers the Portuguese edition from the other front pages', async ({ page }) => {
    for (const lang of ['es', 'en']) {
      await open(page, `/${lang}/`);
      const edition = page.locator('.edition-switch');
      await expect(edition.getByRole('link', { name: 'Português' })).toHaveAttribute(
        'href',
        '/pt/',
      );
    }
  });

  test('shows the translated article in Portuguese, credited to the Portuguese newsroom', async ({
    page,
  }) => {
    await open(page, SEED.pt);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PT_TITLE);
    await expect(page.getByRole('link', { name: 'Redação Voz' })).toHaveAttribute(
      'href',
      '/pt/author/staff/',
    );
    const trail = page.getByRole('navigation', { name: 'Trilha de navegação' });
    await expect(trail.getByRole('link')).toHaveText(['Início', 'Mundo']);
    await expect(page.getByRole('link', { name: 'Read in English' })).toHaveAttribute(
      'href',
      SEED.en,
    );
    await expect(page.getByRole('link', { name: 'Leer en español' })).toHaveAttribute(
      'href',
      SEED.es,
    );
  });

  test('links the Portuguese version from the Spanish and English ones', async ({ page }) => {
    for (const lang of ['es', 'en'] as const) {
      await open(page, SEED[lang]);
      await expect(page.getByRole('link', { name: 'Ler em português' })).toHaveAttribute(
        'href',
        SEED.pt,
      );
    }
  });

  test('has a Portuguese RSS feed with exactly the Portuguese stories, newest first', () => {
    const rss = new XMLParser({ ignoreAttributes: false }).parse(read('pt/rss.xml')).rss;
    const channel = rss.channel;
    expect(channel.title).toBe(`${SITE.name} (Português)`);
    expect(channel.link).toBe(`${SITE_URL}/pt/`);
    expect(channel.language).toBe('pt-BR');
    const items = [channel.item].flat();
    expect(items.map((item: { link: string }) => item.link)).toEqual([
      `${SITE_URL}${PT_ONLY}`,
      `${SITE_URL}${SEED.pt}`,
    ]);
    expect(items.map((item: { title: string }) => item.title)).toEqual([PT_ONLY_TITLE, PT_TITLE]);
  });

  for (const lang of ['es', 'en', 'pt'] as const) {
    test(`the ${lang} version of the seed article lists all three editions and x-default`, async ({
      page,
    }) => {
      await open(page, SEED[lang]);
      const alternates = await page
        .locator('head link[rel="alternate"][hreflang]')
        .evaluateAll((links) =>
          links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`).sort(),
        );
      expect(alternates).toEqual(
        [
          `en-US ${SITE_URL}${SEED.en}`,
          `es-US ${SITE_URL}${SEED.es}`,
          `pt-BR ${SITE_URL}${SEED.pt}`,
          `x-default ${SITE_URL}${SEED.es}`,
        ].sort(),
      );
    });
  }

  test('gives the Portuguese-only story no hreflang alternates', async ({ page }) => {
    await open(page, PT_ONLY);
    await expect(page.locator('head link[rel="alternate"][hreflang]')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Read in English' })).toHaveCount(0);
  });
});
