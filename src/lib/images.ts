import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities } from './entities';

/**
 * Image renditions, decided once for the whole site. Each width costs encode
 * time on a cold build (AVIF most of all), so the lists are short.
 */

/** Hero widths: phones at 1x–2x up to the desktop column at 2x. */
export const HERO_WIDTHS = [480, 800, 1200, 1600] as const;

/** The hero fills the column: full width on phones, at most 52rem on desktops. */
export const HERO_SIZES = '(min-width: 56rem) 52rem, calc(100vw - 2rem)';

/** Card thumbnails. */
export const THUMB_WIDTHS = [320, 640] as const;

/** Lead story image on front pages. */
export const LEAD_WIDTHS = [480, 800, 1200] as const;
export const LEAD_SIZES = '(min-width: 64rem) 44rem, calc(100vw - 2rem)';

/** Rendition given to feed readers and aggregators (Flipboard wants ≥ 400 px). */
export const FEED_IMAGE_WIDTH = 1200;

/**
 * The narrowest hero the site accepts: the largest of the smallest widths of
 * each rendition list, so every list (hero, lead, thumbnail) keeps at least
 * one width and no page writes an empty `srcset`. Narrower photos are refused;
 * photos under {@link FEED_IMAGE_WIDTH} still build, with a warning, because
 * search engines and social networks then show them small.
 */
export const MIN_PUBLISHABLE_HERO_WIDTH = Math.max(HERO_WIDTHS[0], LEAD_WIDTHS[0], THUMB_WIDTHS[0]);

/**
 * The value of a custom property (`--color-paper`) declared in a stylesheet.
 * Throws when it is not there, so renaming a token cannot silently change a
 * colour drawn outside CSS.
 */
export function customProperty(css: string, name: string): string {
  const escaped = name.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  const value = new RegExp(`${escaped}\\s*:\\s*([^;]+);`).exec(css)?.[1]?.trim();
  if (!value) throw new Error(`src/styles/tokens.css declares no ${name}`);
  return value;
}

/**
 * The page background (`--color-paper` in tokens.css). JPEG has no
 * transparency: a transparent PNG hero is flattened onto this colour in the
 * JPEG renditions (share images, feed images), where sharp would otherwise
 * paint the transparent areas black.
 */
export const PAGE_BACKGROUND = customProperty(
  // Read from the project root, where every build and test runs.
  readFileSync(join(process.cwd(), 'src/styles/tokens.css'), 'utf8'),
  '--color-paper',
);

/** A pixel size. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The size of a `target`-shaped crop cut from an image: the target itself
 * when the image is large enough, else the largest crop of the same shape
 * the image holds (images are never enlarged), so the size written in
 * `og:image:width` and structured data is the size of the file.
 */
export function cropSize(image: Size, target: Size): Size {
  const scale = Math.min(1, image.width / target.width, image.height / target.height);
  return {
    width: Math.round(target.width * scale),
    height: Math.round(target.height * scale),
  };
}

/**
 * Who made a photo and who holds its rights (issue 15): the credit line
 * ("Marisol Vega / Voz", IPTC Credit Line), the copyright notice ("© 2026
 * Voz Media", IPTC Copyright Notice) and the photographer (IPTC Creator).
 */
export interface PhotoRights {
  credit?: string | undefined;
  copyright?: string | undefined;
  creator?: string | undefined;
}

/** The fields of {@link PhotoRights}, in the order messages name them. */
export const PHOTO_RIGHTS_FIELDS = ['credit', 'copyright', 'creator'] as const;

/**
 * A text value of parsed metadata: XMP language alternatives and lists give
 * their first entry. exifr returns XMP text as written in the packet,
 * entities and all (`Voz &amp; Co`): they are decoded here.
 */
function metadataText(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeEntities(value).trim() || undefined;
  if (Array.isArray(value)) return metadataText(value[0]);
  if (value && typeof value === 'object' && 'value' in value) {
    return metadataText((value as { value: unknown }).value);
  }
  return undefined;
}

/**
 * The rights a photo's own metadata states, from a merged exifr parse of its
 * XMP, IPTC (IIM) and EXIF: XMP first (it carries Unicode, so "©" survives),
 * then IPTC, then EXIF's ASCII Artist and Copyright.
 */
export function photoRightsFromMetadata(metadata: Record<string, unknown>): PhotoRights {
  const first = (...keys: string[]) =>
    keys.map((key) => metadataText(metadata[key])).find((v) => v !== undefined);
  return {
    credit: first('Credit'),
    copyright: first('rights', 'CopyrightNotice', 'Copyright'),
    creator: first('creator', 'Byline', 'Artist'),
  };
}

/**
 * What the site publishes about a photo's rights: the frontmatter's values,
 * each missing one taken from the photo's metadata; and the fields where
 * both give a value and they differ (the frontmatter wins; the build warns).
 */
export function mergePhotoRights(
  frontmatter: PhotoRights,
  embedded: PhotoRights,
): { rights: PhotoRights; disagreements: (typeof PHOTO_RIGHTS_FIELDS)[number][] } {
  const rights: PhotoRights = {};
  const disagreements: (typeof PHOTO_RIGHTS_FIELDS)[number][] = [];
  for (const field of PHOTO_RIGHTS_FIELDS) {
    const own = frontmatter[field];
    const found = embedded[field];
    const value = own ?? found;
    if (value !== undefined) rights[field] = value;
    if (
      own !== undefined &&
      found !== undefined &&
      own.normalize('NFC') !== found.normalize('NFC')
    ) {
      disagreements.push(field);
    }
  }
  return { rights, disagreements };
}

/** Escapes text for an XMP packet (XML character data). */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An XMP packet stating a photo's rights in the IPTC Photo Metadata
 * Standard's XMP properties: Credit Line (`photoshop:Credit`), Copyright
 * Notice (`dc:rights`) and Creator (`dc:creator`). Empty when none is known.
 */
export function photoXmp(rights: PhotoRights): string {
  const parts = [
    rights.credit && `<photoshop:Credit>${xmlText(rights.credit)}</photoshop:Credit>`,
    rights.creator &&
      `<dc:creator><rdf:Seq><rdf:li>${xmlText(rights.creator)}</rdf:li></rdf:Seq></dc:creator>`,
    rights.copyright &&
      `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(rights.copyright)}</rdf:li></rdf:Alt></dc:rights>`,
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
    parts.join('') +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}

/** The name that opens a JPEG APP1 segment holding XMP (XMP Specification Part 3, §1.1.3). */
const XMP_APP1_NAME = 'http://ns.adobe.com/xap/1.0/\0';

/**
 * A JPEG with an XMP packet added as an APP1 segment, after the JFIF APP0
 * segment if there is one, without decoding or re-encoding the image. The
 * JPEG is returned unchanged when there is no packet; a packet too large for
 * one segment (64 KB) is refused.
 */
export function withJpegXmp(jpeg: Uint8Array, xmp: string): Uint8Array {
  if (xmp === '') return jpeg;
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG: no start-of-image marker');
  const payload = Buffer.concat([Buffer.from(XMP_APP1_NAME, 'latin1'), Buffer.from(xmp, 'utf8')]);
  if (payload.length + 2 > 0xffff) throw new Error('XMP packet too large for one JPEG segment');
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  // After SOI, and after APP0 (JFIF) when it comes first, as JFIF asks.
  let at = 2;
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0) at = 4 + (((jpeg[4] ?? 0) << 8) | (jpeg[5] ?? 0));
  return Buffer.concat([jpeg.subarray(0, at), header, payload, jpeg.subarray(at)]);
}
