import { describe, expect, it } from 'vitest';
import { bodyOf, datesWithoutOffset, frontmatterOf } from './frontmatter-dates';

const FIELDS = ['publishedAt', 'updatedAt', 'date'];

describe('datesWithoutOffset', () => {
  it.each([
    ['publishedAt: 2024-11-12T10:30:00-06:00', []],
    ['publishedAt: 2024-11-12T16:30:00Z', []],
    ["publishedAt: '2024-11-12T10:30:00-06:00'", []],
    ['publishedAt: 2024-11-12T10:30:00.250-05:00 # summer time', []],
    ['publishedAt: 2024-11-12T10:30:00', [{ field: 'publishedAt', value: '2024-11-12T10:30:00' }]],
    ['updatedAt: "2024-11-12"', [{ field: 'updatedAt', value: '2024-11-12' }]],
    ['updatedAt: yesterday', [{ field: 'updatedAt', value: 'yesterday' }]],
    ['title: 2024-11-12T10:30:00', []],
    ['corrections:\n  - date: 2024-11-13T09:00:00-06:00\n    text: x', []],
    [
      'corrections:\n  - date: 2024-11-13T09:00:00\n    text: x',
      [{ field: 'date', value: '2024-11-13T09:00:00' }],
    ],
    ['hero:\n  caption: 2024-11-12T10:30:00', []],
  ])('in %j finds %j', (frontmatter, expected) => {
    expect(datesWithoutOffset(frontmatter, FIELDS)).toEqual(expected);
  });
});

describe('frontmatterOf', () => {
  it('returns the YAML between the fences', () => {
    expect(frontmatterOf('---\ntitle: A\nlang: es\n---\nBody')).toBe('title: A\nlang: es');
  });

  it('returns nothing for a file without frontmatter', () => {
    expect(frontmatterOf('Just a body')).toBe('');
  });
});

describe('bodyOf', () => {
  it('gives the text under the frontmatter, or the whole file when there is none', () => {
    expect(bodyOf('---\ntitle: A\n---\n\nThe story.\n')).toBe('\nThe story.\n');
    expect(bodyOf('\uFEFF---\r\ntitle: A\r\n---\r\nText')).toBe('Text');
    expect(bodyOf('No frontmatter.')).toBe('No frontmatter.');
  });
});
