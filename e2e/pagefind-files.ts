import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIST, distFiles } from './fixtures';

/**
 * Reading the search index as a reader's browser would: Pagefind's index
 * files are gzip-compressed, with the bytes `pagefind_dcd` in front of the
 * decompressed data. Written without the site's code, from Pagefind's file
 * format.
 */

/** Index files Pagefind compresses: fragments, index chunks, filters, metadata, WebAssembly. */
const COMPRESSED = /\.(pf_fragment|pf_index|pf_filter|pf_meta|pagefind)$/;
const SIGNATURE = 'pagefind_dcd';

/** A file of the test build as text, decompressed first when it is a compressed index file. */
export function readDecoded(file: string): string {
  const bytes = readFileSync(join(DIST, file));
  if (!COMPRESSED.test(file)) return bytes.toString('utf8');
  const text = gunzipSync(bytes).toString('utf8');
  return text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text;
}

/** A page of the index as its fragment holds it. */
export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  language: string;
}

/** Every Pagefind bundle folder of the test build (the folders holding a pagefind-entry.json). */
export function bundleFolders(): string[] {
  return distFiles()
    .filter((file) => file.endsWith('/pagefind-entry.json'))
    .map((file) => file.slice(0, -'pagefind-entry.json'.length));
}

/** The pages a bundle indexes, read from its fragments. */
export function indexedPages(bundle: string): IndexedPage[] {
  return distFiles()
    .filter((file) => file.startsWith(`${bundle}fragment/`) && file.endsWith('.pf_fragment'))
    .map((file) => JSON.parse(readDecoded(file)) as IndexedPage);
}
