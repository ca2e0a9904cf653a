import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildManifest, readManifest, writeManifest } from './manifest.ts';
import { listStamps } from './work-folder.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'voz-manifest-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

describe('buildManifest', () => {
  it('gives every file the SHA-256 of its bytes', () => {
    const root = folderWith({ 'a.html': 'hello' });
    const manifest = buildManifest(root, listStamps(root), null);
    expect(manifest.files['a.html']?.sha256).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
  });

  it('reads again only the files written since the previous manifest', () => {
    const root = folderWith({ 'kept.html': 'same', 'rewritten.html': 'old' });
    const first = buildManifest(root, listStamps(root), null);
    writeFileSync(join(root, 'rewritten.html'), 'new');
    const past = new Date(statSync(join(root, 'kept.html')).mtimeMs - 10_000);
    utimesSync(join(root, 'rewritten.html'), past, past);
    const read: string[] = [];
    const second = buildManifest(root, listStamps(root), first, (path) => {
      read.push(path);
      return Buffer.from('new');
    });
    expect(read).toEqual([join(root, 'rewritten.html')]);
    expect(second.files['kept.html']).toEqual(first.files['kept.html']);
    expect(second.files['rewritten.html']?.sha256).not.toBe(first.files['rewritten.html']?.sha256);
  });

  it('round-trips through its file, and a damaged file reads as none', () => {
    const root = folderWith({ 'a.html': 'x' });
    const manifest = buildManifest(root, listStamps(root), null);
    const file = join(root, 'out.manifest.json');
    writeManifest(file, manifest);
    expect(readManifest(file)).toEqual(manifest);
    writeFileSync(file, '{"version":1');
    expect(readManifest(file)).toBeNull();
    expect(readManifest(join(root, 'missing.json'))).toBeNull();
  });
});
