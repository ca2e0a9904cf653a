import { expect, test } from '@playwright/test';
import { cpSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { copyProject } from '../scripts/project-copy.mjs';
import { listFiles } from './fixtures';
import { article, BASE, build, snapshot, write } from './project-builds';

// Photos as a newsroom gets them (cut short in transfer, from elsewhere on
// the disk, too small, transparent, shared with a draft), each built in a
// small copy of the project (issue 16, classes 5 and 8).

const ROOT = join(import.meta.dirname, '..');
const HERO = readFileSync(join(ROOT, 'content/articles/2024/north-korea-russia-treaty.jpg'));
const FOLDER = 'content/articles/2026';

const hero = (image: string) => `\n  image: ${image}\n  alt: A photo`;

function makeProject(): string {
  const dir = copyProject('photos');
  cpSync(join(ROOT, 'content/authors'), join(dir, 'content/authors'), { recursive: true });
  cpSync(join(ROOT, 'content/sections'), join(dir, 'content/sections'), { recursive: true });
  write(dir, `${FOLDER}/sound-story.md`, article(BASE));
  return dir;
}

/** Every text file of a built copy's dist/, by path. */
function builtText(dir: string): Map<string, string> {
  const dist = join(dir, 'dist');
  return new Map(
    listFiles(dist)
      .filter((file) => /\.(html|xml|json|txt|css|js)$|_redirects$/.test(file))
      .map((file) => [relative(dist, file), readFileSync(file, 'utf8')]),
  );
}

const BAD = `${FOLDER}/bad-photo.md`;

const REFUSED: [string, (dir: string) => void | Promise<void>, string][] = [
  [
    'the first 2 KB of a real JPEG',
    (d) => {
      write(d, `${FOLDER}/cut.jpg`, HERO.subarray(0, 2048));
      write(d, BAD, article({ ...BASE, hero: hero('./cut.jpg') }));
    },
    'is damaged or cut short',
  ],
  [
    'a photo outside the project content folder',
    (d) => {
      write(d, 'elsewhere.jpg', HERO);
      write(d, BAD, article({ ...BASE, hero: hero('../../../elsewhere.jpg') }));
    },
    'is outside content/',
  ],
  [
    'a symlink to a photo outside content/',
    (d) => {
      write(d, 'elsewhere.jpg', HERO);
      symlinkSync(join(d, 'elsewhere.jpg'), join(d, FOLDER, 'linked.jpg'));
      write(d, BAD, article({ ...BASE, hero: hero('./linked.jpg') }));
    },
    // The file rules (file-reference-rules.ts) refuse any link before the photo is decoded.
    'is a symbolic link',
  ],
  [
    'a photo narrower than the smallest rendition',
    async (d) => {
      write(d, `${FOLDER}/tiny.jpg`, await sharp(HERO).resize(300).jpeg().toBuffer());
      write(d, BAD, article({ ...BASE, hero: hero('./tiny.jpg') }));
    },
    'px wide; a hero must be at least 480 px wide',
  ],
  [
    'a cut-short photo in a draft',
    (d) => {
      write(d, `${FOLDER}/cut.jpg`, HERO.subarray(0, 2048));
      write(d, BAD, article({ ...BASE, draft: 'true', hero: hero('./cut.jpg') }));
    },
    'is damaged or cut short',
  ],
];

test.describe('a build with a bad photo', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const [name, breakIt, problem] of REFUSED) {
    test(`stops on ${name}, naming the article and hero.image, and leaves dist/ alone`, async () => {
      test.setTimeout(180_000);
      const dir = makeProject();
      try {
        await breakIt(dir);
        write(dir, 'dist/index.html', '<p>the last good site</p>');
        const before = snapshot(dir);
        const { ok, output } = build(dir);
        expect(ok, output).toBe(false);
        expect(output).toContain(`${BAD}: hero.image: `);
        expect(output).toContain(problem);
        expect(snapshot(dir)).toEqual(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

test.describe('photos that build', () => {
  test('a draft and a scheduled story sharing a published photo’s bytes, a transparent PNG, a small photo and a headline in Cyrillic', async () => {
    test.setTimeout(300_000);
    const dir = makeProject();
    try {
      // The draft sorts before the published story, so the bundler meets its copy first.
      write(dir, `${FOLDER}/zz-bridge-reopens.jpg`, HERO);
      write(
        dir,
        `${FOLDER}/zz-bridge-reopens.md`,
        article({ ...BASE, title: 'Bridge reopens', hero: hero('./zz-bridge-reopens.jpg') }),
      );
      write(dir, `${FOLDER}/ceo-resigns-zqxleak.jpg`, HERO);
      write(
        dir,
        `${FOLDER}/ceo-resigns-zqxleak.md`,
        article({
          ...BASE,
          title: 'CEO resigns',
          draft: 'true',
          hero: hero('./ceo-resigns-zqxleak.jpg'),
        }),
      );
      // A scheduled story with the same photo in its body.
      write(dir, `${FOLDER}/merger-zqxbody.jpg`, HERO);
      write(
        dir,
        `${FOLDER}/merger-zqxbody.md`,
        article(
          { ...BASE, title: 'Merger', publishedAt: '2026-12-01T06:00:00-06:00' },
          'The deal.\n\n![The two chief executives](./merger-zqxbody.jpg)',
        ),
      );
      // A logo-like PNG: transparent everywhere but a red square in the middle.
      const { width, height } = { width: 1600, height: 1000 };
      const transparent = await sharp({
        create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
      })
        .composite([
          {
            input: await sharp({
              create: { width: 400, height: 400, channels: 4, background: '#b3001b' },
            })
              .png()
              .toBuffer(),
            left: 600,
            top: 300,
          },
        ])
        .png()
        .toBuffer();
      write(dir, `${FOLDER}/logo.png`, transparent);
      write(
        dir,
        `${FOLDER}/logo-story.md`,
        article({
          ...BASE,
          title: 'Logo story',
          publishedAt: '2026-11-21T08:00:00-06:00',
          hero: hero('./logo.png'),
        }),
      );
      write(dir, `${FOLDER}/small.jpg`, await sharp(HERO).resize(640).jpeg().toBuffer());
      write(
        dir,
        `${FOLDER}/small-story.md`,
        article({
          ...BASE,
          title: 'Small story',
          publishedAt: '2026-11-19T08:00:00-06:00',
          hero: hero('./small.jpg'),
        }),
      );
      write(
        dir,
        `${FOLDER}/kyiv-talks.md`,
        article({ ...BASE, title: "'Зеленский встретился с лидерами ЕС 🇪🇺'" }),
      );

      const { ok, output } = build(dir);
      expect(ok, output).toBe(true);
      const dist = join(dir, 'dist');
      const texts = builtText(dir);

      // Class 8: nothing of the draft, and the published photo keeps its own name.
      for (const name of ['zqxleak', 'zqxbody']) {
        expect(listFiles(dist).filter((f) => f.includes(name))).toEqual([]);
        expect([...texts].filter(([, text]) => text.includes(name)).map(([f]) => f)).toEqual([]);
      }
      const bridge = texts.get('en/2026/11/20/zz-bridge-reopens/index.html') ?? '';
      expect(bridge).toMatch(/\/_astro\/zz-bridge-reopens\.[^"]+\.avif/);

      // Transparency: the feed's JPEG and the share image are white where the PNG is clear.
      const logoPage = texts.get('en/2026/11/21/logo-story/index.html') ?? '';
      const ogImage = /<meta property="og:image" content="[^"]*?(\/_astro\/[^"]+\.jpe?g)"/.exec(
        logoPage,
      )?.[1];
      const feedImage = /<media:content url="[^"]*?(\/_astro\/logo[^"]+\.jpe?g)"/.exec(
        texts.get('en/rss.xml') ?? '',
      )?.[1];
      for (const image of [ogImage, feedImage]) {
        expect(image, 'a JPEG of the logo').toBeDefined();
        const { data } = await sharp(join(dist, image ?? ''))
          .extract({ left: 2, top: 2, width: 1, height: 1 })
          .raw()
          .toBuffer({ resolveWithObject: true });
        expect([...data].slice(0, 3), `${image} corner`).toEqual([255, 255, 255]);
      }

      // A 640 px photo: every srcset has a width, and og:image says the file's real size.
      for (const [file, text] of texts) {
        if (file.endsWith('.html')) expect(text, file).not.toMatch(/srcset=""/);
      }
      const smallPage = texts.get('en/2026/11/19/small-story/index.html') ?? '';
      const smallOg = /<meta property="og:image" content="[^"]*?(\/_astro\/[^"]+)"/.exec(
        smallPage,
      )?.[1];
      const meta = await sharp(join(dist, smallOg ?? '')).metadata();
      expect(smallPage).toContain(`<meta property="og:image:width" content="${meta.width}"`);
      expect(smallPage).toContain(`<meta property="og:image:height" content="${meta.height}"`);

      // A Cyrillic headline with an emoji gets a drawn 1200×630 share card.
      const card = await sharp(join(dist, 'og/en/2026/11/20/kyiv-talks.jpg')).metadata();
      expect([card.format, card.width, card.height]).toEqual(['jpeg', 1200, 630]);
      expect(output).not.toContain('[share card] no font');

      // Once its time has come, the scheduled story shows its inline photo (the
      // content store parses it again although its file did not change).
      const later = build(dir, { BUILD_TIME: '2026-12-01T07:00:00-06:00' });
      expect(later.ok, later.output).toBe(true);
      const merger = readFileSync(join(dist, 'en/2026/12/01/merger-zqxbody/index.html'), 'utf8');
      const inline = /<div class="body"[\s\S]*?<img[^>]+src="(\/_astro\/[^"]+)"/.exec(merger)?.[1];
      expect(inline, 'the inline photo').toBeDefined();
      expect(listFiles(dist).some((f) => f.endsWith(inline ?? '-'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
