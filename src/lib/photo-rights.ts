import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import exifr from 'exifr';
import { mergePhotoRights, photoRightsFromMetadata, type PhotoRights } from './images';

/**
 * Photo rights travel with the photo (issue 15): as each published article
 * loads, the credit, copyright notice and creator its hero's frontmatter
 * lacks are read from the photo's own IPTC/XMP/EXIF (exifr), and the build
 * warns, naming the file and field, where the frontmatter and the photo
 * disagree. The result is the article's data, so pages, structured data and
 * feeds all show the same credit.
 */

/** The rights a photo file states in its metadata; none when it has none or cannot be read. */
export async function readPhotoRights(path: string): Promise<PhotoRights> {
  try {
    const metadata = (await exifr.parse(path, {
      tiff: true,
      xmp: true,
      iptc: true,
      ifd0: { pick: ['Artist', 'Copyright'] },
      exif: false,
      gps: false,
      mergeOutput: true,
    })) as Record<string, unknown> | undefined;
    return metadata ? photoRightsFromMetadata(metadata) : {};
  } catch {
    // Metadata is a convenience: a photo without readable metadata is still a photo
    // (the photo rules check that it decodes).
    return {};
  }
}

/** The warning for a disagreement, in the `file: field: problem` form of content messages. */
export function rightsWarning(
  file: string,
  field: keyof PhotoRights,
  frontmatter: string,
  embedded: string,
): string {
  return `${file}: hero.${field}: "${frontmatter}" in the frontmatter, but the photo's metadata says "${embedded}"; the frontmatter is published`;
}

/**
 * Wraps an article loader: fills `hero.credit`, `hero.copyright` and
 * `hero.creator` from the photo where the frontmatter leaves them out, and
 * logs a warning where they disagree. Runs after the photo rules, so an
 * unpublished article (whose hero they removed) is left alone.
 */
export function withPhotoRights(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const root = fileURLToPath(context.config.root);
      return loader.load({
        ...context,
        parseData: async (props) => {
          const hero = props.data['hero'] as Record<string, unknown> | undefined;
          const image = hero?.['image'];
          if (!hero || typeof image !== 'string' || !props.filePath) {
            return context.parseData(props);
          }
          const file = resolve(root, props.filePath);
          const path = resolve(dirname(file), image);
          const text = (key: string) =>
            typeof hero[key] === 'string' ? (hero[key] as string) : undefined;
          const frontmatter = {
            credit: text('credit'),
            copyright: text('copyright'),
            creator: text('creator'),
          };
          const embedded = await readPhotoRights(path);
          const { rights, disagreements } = mergePhotoRights(frontmatter, embedded);
          for (const field of disagreements) {
            context.logger.warn(
              rightsWarning(
                relative(root, file),
                field,
                frontmatter[field] ?? '',
                embedded[field] ?? '',
              ),
            );
          }
          return context.parseData({
            ...props,
            data: { ...props.data, hero: { ...hero, ...rights } },
          });
        },
      });
    },
  };
}
