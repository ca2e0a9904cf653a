import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { mergePhotoRights, photoRightsFromMetadata, photoXmp, withJpegXmp } from './images';
import { readPhotoRights, rightsWarning, withPhotoRights } from './photo-rights';

const folder = mkdtempSync(join(tmpdir(), 'voz-rights-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const XMP = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<photoshop:Credit>Ana Ruiz / Voz</photoshop:Credit>
<dc:creator><rdf:Seq><rdf:li>Ana Ruiz</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2026 Voz Media</rdf:li></rdf:Alt></dc:rights>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A small JPEG with the given metadata. */
async function photo(
  name: string,
  meta: { xmp?: string; exif?: Record<string, Record<string, string>> },
) {
  let image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } });
  if (meta.exif) image = image.withExif(meta.exif);
  if (meta.xmp) image = image.withXmp(meta.xmp);
  const path = join(folder, name);
  await image.jpeg().toFile(path);
  return path;
}

describe('readPhotoRights', () => {
  it('reads credit, copyright notice and creator from XMP, keeping the ©', async () => {
    expect(await readPhotoRights(await photo('xmp.jpg', { xmp: XMP }))).toEqual({
      credit: 'Ana Ruiz / Voz',
      copyright: '© 2026 Voz Media',
      creator: 'Ana Ruiz',
    });
  });

  it("falls back to EXIF's Artist and Copyright", async () => {
    const path = await photo('exif.jpg', {
      exif: { IFD0: { Artist: 'Luis Paz', Copyright: '(C) 2025 Luis Paz' } },
    });
    expect(await readPhotoRights(path)).toEqual({
      credit: undefined,
      copyright: '(C) 2025 Luis Paz',
      creator: 'Luis Paz',
    });
  });

  it('gives nothing for a photo without metadata or a file that is not there', async () => {
    const plain = await readPhotoRights(await photo('plain.jpg', {}));
    expect(Object.values(plain).filter(Boolean)).toEqual([]);
    expect(await readPhotoRights(join(folder, 'missing.jpg'))).toEqual({});
  });
});

describe('photoRightsFromMetadata', () => {
  it('prefers IPTC over EXIF when there is no XMP', () => {
    expect(
      photoRightsFromMetadata({
        CopyrightNotice: '© AFP',
        Copyright: '(C) AFP',
        Byline: ['Jean Dupont'],
        Artist: 'J. Dupont',
        Credit: 'AFP',
      }),
    ).toEqual({ credit: 'AFP', copyright: '© AFP', creator: 'Jean Dupont' });
  });
});

describe('mergePhotoRights', () => {
  it.each([
    {
      case: 'the frontmatter gives nothing: the photo says it all',
      frontmatter: {},
      embedded: { credit: 'AFP', copyright: '© AFP' },
      rights: { credit: 'AFP', copyright: '© AFP' },
      disagreements: [],
    },
    {
      case: 'both agree',
      frontmatter: { credit: 'AFP' },
      embedded: { credit: 'AFP', creator: 'Jean Dupont' },
      rights: { credit: 'AFP', creator: 'Jean Dupont' },
      disagreements: [],
    },
    {
      case: 'they disagree: the frontmatter wins and the field is named',
      frontmatter: { credit: 'Reuters', copyright: '© Voz' },
      embedded: { credit: 'AFP', copyright: '© Voz' },
      rights: { credit: 'Reuters', copyright: '© Voz' },
      disagreements: ['credit'],
    },
    {
      case: 'a photo without metadata',
      frontmatter: { credit: 'Archivo Voz' },
      embedded: {},
      rights: { credit: 'Archivo Voz' },
      disagreements: [],
    },
  ])('$case', ({ frontmatter, embedded, rights, disagreements }) => {
    expect(mergePhotoRights(frontmatter, embedded)).toEqual({ rights, disagreements });
  });
});

describe('rightsWarning', () => {
  it('names the file, the field and both values', () => {
    expect(rightsWarning('content/articles/2026/x.md', 'credit', 'Reuters', 'AFP')).toBe(
      'content/articles/2026/x.md: hero.credit: "Reuters" in the frontmatter, but the photo\'s metadata says "AFP"; the frontmatter is published',
    );
  });
});

// Issue 15: the rights written into the served JPEGs, read back as any
// photo desk's tool would (exifr), with the picture itself untouched.
describe('withJpegXmp and photoXmp', () => {
  const rights = { credit: 'Ana Ruiz / Voz', copyright: '© 2026 Voz & Co', creator: 'Ana <Ruiz>' };

  it('adds the rights to a JPEG that any metadata reader finds, without changing the picture', async () => {
    const jpeg = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#336699' },
    })
      .jpeg()
      .toBuffer();
    const tagged = withJpegXmp(jpeg, photoXmp(rights));
    const path = join(folder, 'tagged.jpg');
    writeFileSync(path, tagged);
    expect(await readPhotoRights(path)).toEqual(rights);
    const [before, after] = await Promise.all(
      [jpeg, tagged].map((bytes) => sharp(bytes).raw().toBuffer()),
    );
    expect(after?.equals(before ?? Buffer.alloc(0))).toBe(true);
  });

  it('leaves a JPEG alone when there is nothing to say', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    expect(photoXmp({})).toBe('');
    expect(withJpegXmp(jpeg, '')).toBe(jpeg);
  });

  it('refuses what is not a JPEG', () => {
    expect(() => withJpegXmp(Buffer.from('GIF89a'), photoXmp(rights))).toThrow(/not a JPEG/);
  });
});

describe('withPhotoRights', () => {
  /** Loads one article through the wrapper with a stand-in loader; returns what the schema saw and the warnings. */
  async function load(hero: Record<string, unknown> | undefined, photoPath: string) {
    const seen: Record<string, unknown>[] = [];
    const warnings: string[] = [];
    const inner = {
      name: 'stand-in',
      load: async (context: { parseData: (p: unknown) => Promise<unknown> }) => {
        await context.parseData({
          id: 'story',
          filePath: join(folder, 'story.md'),
          data: hero
            ? { title: 'A story', hero: { ...hero, image: `./${photoPath}` } }
            : { title: 'A story' },
        });
      },
    } as unknown as Loader;
    const context = {
      config: { root: pathToFileURL(`${folder}/`) },
      logger: { warn: (text: string) => warnings.push(text) },
      parseData: async (props: { data: Record<string, unknown> }) => {
        seen.push(props.data);
        return props.data;
      },
    } as unknown as LoaderContext;
    await withPhotoRights(inner).load(context);
    return { data: seen[0], warnings };
  }

  it("fills what the frontmatter leaves out from the photo's metadata", async () => {
    await photo('loader.jpg', { xmp: XMP });
    const { data, warnings } = await load({ alt: 'A river' }, 'loader.jpg');
    expect(data?.['hero']).toMatchObject({
      credit: 'Ana Ruiz / Voz',
      copyright: '© 2026 Voz Media',
      creator: 'Ana Ruiz',
    });
    expect(warnings).toEqual([]);
  });

  it('keeps the frontmatter where they disagree and warns, naming the file and field', async () => {
    await photo('loader-2.jpg', { xmp: XMP });
    const { data, warnings } = await load({ alt: 'A river', credit: 'Reuters' }, 'loader-2.jpg');
    expect(data?.['hero']).toMatchObject({ credit: 'Reuters', creator: 'Ana Ruiz' });
    expect(warnings).toEqual([
      'story.md: hero.credit: "Reuters" in the frontmatter, but the photo\'s metadata says "Ana Ruiz / Voz"; the frontmatter is published',
    ]);
  });

  it('leaves an article without a hero alone', async () => {
    const { data } = await load(undefined, 'none.jpg');
    expect(data).toEqual({ title: 'A story' });
  });
});
