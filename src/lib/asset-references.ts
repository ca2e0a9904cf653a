/**
 * Finding build assets that nothing links to. Astro emits the original of
 * every image a content entry names, even when the entry is a draft or
 * scheduled and no page uses it; those files must not ship.
 */

/** File extensions of images that may be pruned. */
export const PRUNABLE_IMAGE = /\.(avif|gif|jpe?g|png|webp|svg)$/i;

/** Every `/_astro/<file>` name mentioned in a text file of the build. */
export function referencedAssetNames(text: string, assetsDir = '_astro'): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(`${assetsDir}/([^"'\\s)<>,?#]+)`, 'g');
  for (const match of text.matchAll(pattern)) {
    if (match[1]) names.add(decodeURIComponent(match[1]));
  }
  return names;
}

/** The image files in the assets folder that no output file refers to. */
export function unreferencedImages(
  assetFiles: readonly string[],
  referenced: ReadonlySet<string>,
): string[] {
  return assetFiles.filter((file) => PRUNABLE_IMAGE.test(file) && !referenced.has(file));
}
