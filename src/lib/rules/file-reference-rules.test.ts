import { describe, expect, it } from 'vitest';
import { fakeProbe } from './fake-file-probe';
import { imageFileProblem, looksLikeImage } from './file-reference-rules';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const WEBP = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBP');
const AVIF = Uint8Array.from([0, 0, 0, 0x1c, ...new TextEncoder().encode('ftypavif')]);
const TEXT = new TextEncoder().encode('not a picture');

describe('looksLikeImage', () => {
  it.each([
    ['JPEG', JPEG, true],
    ['PNG', PNG, true],
    ['WebP', WEBP, true],
    ['AVIF', AVIF, true],
    ['text', TEXT, false],
    ['nothing', new Uint8Array(), false],
  ])('tells a %s file by its first bytes', (_name, bytes, expected) => {
    expect(looksLikeImage(bytes)).toBe(expected);
  });
});

describe('imageFileProblem', () => {
  const probe = fakeProbe({
    'a/photo.jpg': ['file', JPEG],
    'a/fake.jpg': ['file', TEXT],
    'a/link.jpg': ['symlink'],
    'a/dir.jpg': ['directory'],
  });

  it('passes a real photo', () => {
    expect(imageFileProblem('./photo.jpg', 'a/photo.jpg', probe)).toBeUndefined();
  });

  it.each([
    ['./missing.jpg', 'a/missing.jpg', 'does not exist (looked for a/missing.jpg)'],
    ['./fake.jpg', 'a/fake.jpg', 'is not a picture'],
    ['./link.jpg', 'a/link.jpg', 'is a symbolic link'],
    ['./dir.jpg', 'a/dir.jpg', 'is a folder'],
    ['./notes.txt', 'a/notes.txt', 'is not an image'],
  ])('refuses %s', (written, path, problem) => {
    expect(imageFileProblem(written, path, probe)).toContain(problem);
  });
});
