import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from 'astro/loaders';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PUBLISHABLE_HERO_WIDTH } from '../images';
import {
  checkedHero,
  heroImageProblems,
  isUnpublishedAt,
  publicationAwareDigest,
  publicationChanged,
  publicationFields,
  withoutUnpublishedAssets,
} from './image-rules';

/** A noisy photo-like JPEG, so a cut copy really misses picture data. */
async function photo(width: number, height = Math.round(width / 1.5)): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

let root: string;
const ARTICLE = 'content/articles/2026/story.md';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-rules-'));
  const folder = join(root, 'content/articles/2026');
  await mkdir(folder, { recursive: true });
  const good = await photo(1600);
  await writeFile(join(folder, 'good.jpg'), good);
  await writeFile(join(folder, 'cut.jpg'), good.subarray(0, 2048));
  await writeFile(join(folder, 'cut-late.jpg'), good.subarray(0, Math.floor(good.length * 0.9)));
  await writeFile(join(folder, 'narrow.jpg'), await photo(MIN_PUBLISHABLE_HERO_WIDTH - 1));
  await writeFile(join(folder, 'exact.jpg'), await photo(MIN_PUBLISHABLE_HERO_WIDTH));
  await writeFile(join(folder, 'notes.jpg'), 'caption ideas: crowd at the bridge\n');
  await writeFile(join(root, 'elsewhere.jpg'), good);
  await symlink(join(root, 'elsewhere.jpg'), join(folder, 'linked-out.jpg'));
  await symlink(join(folder, 'good.jpg'), join(folder, 'linked-in.jpg'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('heroImageProblems', () => {
  it.each([
    ['a complete photo wide enough', 'good.jpg'],
    [`a photo exactly ${MIN_PUBLISHABLE_HERO_WIDTH} px wide`, 'exact.jpg'],
    ['a symlink to a photo inside content/', 'linked-in.jpg'],
  ])('accepts %s', async (_, image) => {
    expect(await heroImageProblems({ file: ARTICLE, image, root })).toEqual([]);
  });

  it.each([
    ['the first 2 KB of a JPEG', 'cut.jpg', /damaged or cut short/],
    ['a JPEG missing its last tenth', 'cut-late.jpg', /damaged or cut short/],
    ['a photo narrower than the smallest rendition', 'narrow.jpg', /at least 480 px wide/],
    ['a text file named .jpg', 'notes.jpg', /not a photo sharp can read/],
    ['a path that leaves content/', '../../../elsewhere.jpg', /outside content\//],
    ['a symlink to a file outside content/', 'linked-out.jpg', /outside content\//],
    ['a missing file', 'gone.jpg', /does not exist/],
  ])('refuses %s, naming the article and hero.image', async (_, image, message) => {
    const [problem, ...rest] = await heroImageProblems({ file: ARTICLE, image, root });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: ARTICLE, field: 'hero.image' });
    expect(problem?.problem).toMatch(message);
  });
});

describe('checkedHero', () => {
  const now = new Date('2026-11-28T12:00:00-06:00');
  const props = (data: Record<string, unknown>) => ({
    id: '2026/story',
    filePath: join(root, ARTICLE),
    data: { title: 'X', hero: { image: './good.jpg', alt: 'A bridge' }, ...data },
  });

  it('passes a published article on unchanged', async () => {
    const input = props({ publishedAt: '2026-11-28T09:00:00-06:00' });
    expect(await checkedHero(input, { root, now })).toBe(input);
  });

  it.each([
    ['a draft', { draft: true, publishedAt: '2026-11-28T09:00:00-06:00' }],
    ['a scheduled story', { publishedAt: '2026-11-29T09:00:00-06:00' }],
  ])('keeps the photo of %s away from the bundler', async (_, data) => {
    const output = await checkedHero(props(data), { root, now });
    expect(output.data).not.toHaveProperty('hero');
    expect(output.data['title']).toBe('X');
  });

  it('still refuses a broken photo in a draft', async () => {
    const input = props({ draft: true, hero: { image: './cut.jpg', alt: 'A bridge' } });
    await expect(checkedHero(input, { root, now })).rejects.toThrow(
      `${ARTICLE}: hero.image: "./cut.jpg" is damaged or cut short`,
    );
  });
});

describe('isUnpublishedAt', () => {
  const now = new Date('2026-11-28T12:00:00-06:00');
  it.each([
    [{ draft: true, publishedAt: '2020-01-01T00:00:00Z' }, true],
    [{ publishedAt: '2026-11-28T12:00:01-06:00' }, true],
    [{ publishedAt: new Date('2026-12-01T00:00:00Z') }, true],
    [{ publishedAt: '2026-11-28T12:00:00-06:00' }, false],
    [{ draft: false, publishedAt: '2026-11-01T00:00:00Z' }, false],
    [{ publishedAt: 'next Tuesday' }, false],
  ])('reads %j as unpublished: %s', (data, expected) => {
    expect(isUnpublishedAt(data, now)).toBe(expected);
  });
});

describe('publicationAwareDigest', () => {
  const source =
    '---\ntitle: X\npublishedAt: 2026-11-29T09:00:00-06:00\nhero:\n  image: ./x.jpg\n---\nBody.\n';
  const digest = publicationAwareDigest(
    (data) => `d:${String(data)}`.length.toString(),
    new Date(0),
  );

  it('changes a scheduled story’s digest once its time has come', () => {
    const before = publicationAwareDigest((data) => String(data), new Date('2026-11-28T00:00:00Z'));
    const after = publicationAwareDigest((data) => String(data), new Date('2026-11-30T00:00:00Z'));
    expect(before(source)).not.toBe(after(source));
  });

  it('leaves the digest of a published story alone', () => {
    const later = publicationAwareDigest((data) => String(data), new Date('2027-01-01T00:00:00Z'));
    expect(later(source)).toBe(source);
    expect(digest('no frontmatter')).toBe(String('d:no frontmatter'.length));
  });
});

describe('publicationChanged', () => {
  const source =
    '---\ntitle: X\npublishedAt: 2026-11-29T09:00:00-06:00\nhero:\n  image: ./x.jpg\n---\nBody.\n';
  const data = { publishedAt: new Date('2026-11-29T09:00:00-06:00') };
  const storedAt = (iso: string) => ({
    digest: publicationAwareDigest((text) => String(text).length.toString(), new Date(iso))(source),
    data,
  });

  it('says a scheduled story stored before its time must be loaded again once it has come', () => {
    const stored = storedAt('2026-11-28T00:00:00Z');
    expect(publicationChanged(stored, new Date('2026-11-28T12:00:00Z'))).toBe(false);
    expect(publicationChanged(stored, new Date('2026-11-30T00:00:00Z'))).toBe(true);
  });

  it('says a published story stored as such holds, and must be loaded again if the clock goes back', () => {
    const stored = storedAt('2026-11-30T00:00:00Z');
    expect(publicationChanged(stored, new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(publicationChanged(stored, new Date('2026-11-28T00:00:00Z'))).toBe(true);
  });
});

describe('publicationFields', () => {
  const now = new Date('2026-11-28T12:00:00-06:00');
  const withHero = (lines: string) => `title: X\n${lines}\nhero:\n  image: ./x.jpg\n  alt: A photo`;

  it.each([
    ['a published story', false, withHero('publishedAt: 2026-11-20T08:00:00-06:00')],
    ['a quoted date', true, withHero("publishedAt: '2026-11-29T08:00:00-06:00'")],
    ['a draft', true, withHero('draft: true\npublishedAt: 2026-11-20T08:00:00-06:00')],
    ['draft: false', false, withHero('draft: false # ready\npublishedAt: 2026-11-20T08:00:00Z')],
    ['a space-separated timestamp', true, withHero('publishedAt: 2026-11-29 08:00:00 -06:00')],
    [
      'flow style',
      true,
      '{ title: X, draft: true, publishedAt: 2026-11-20T08:00:00Z, hero: { image: ./x.jpg } }',
    ],
  ])('reads %s as unpublished: %s', (_, unpublished, frontmatter) => {
    const fields = publicationFields(frontmatter);
    expect(fields).toBeDefined();
    expect(isUnpublishedAt(fields ?? {}, now)).toBe(unpublished);
  });

  it('reads an article without a hero too (its body may hold images)', () => {
    expect(publicationFields('title: X\ndraft: true\npublishedAt: 2026-11-20T08:00:00Z')).toEqual({
      draft: true,
      publishedAt: '2026-11-20T08:00:00Z',
    });
  });
});

describe('withoutUnpublishedAssets', () => {
  const now = new Date('2026-11-28T12:00:00-06:00');
  const stored: { assetImports?: string[] }[] = [];
  // Only `set` is used; the rest of a loader's store does not matter here.
  const fake = { set: (entry: { assetImports?: string[] }) => stored.push(entry) > 0 };
  const store = withoutUnpublishedAssets(fake as unknown as DataStore, now);

  it.each([
    ['a draft', { draft: true, publishedAt: new Date('2026-11-01T00:00:00Z') }, []],
    ['a scheduled story', { draft: false, publishedAt: new Date('2026-12-01T00:00:00Z') }, []],
    [
      'a published story',
      { draft: false, publishedAt: new Date('2026-11-01T00:00:00Z') },
      ['./photo.jpg'],
    ],
  ])('imports the body images of %s: %j', (_, data, kept) => {
    store.set({ id: 'x', data, assetImports: ['./photo.jpg'] });
    expect(stored.at(-1)?.assetImports).toEqual(kept);
  });
});
