import { describe, expect, it } from 'vitest';
import { bodyOf, frontmatterDateProblems, frontmatterOf, parseTimestamp } from './date-rules';

const file = 'content/articles/2026/x.md';

describe('parseTimestamp', () => {
  it.each([
    ['2024-11-12T10:30:00-06:00', '2024-11-12T16:30:00.000Z'],
    ['2024-11-12T16:30:00Z', '2024-11-12T16:30:00.000Z'],
    ['2024-11-12T10:30-06:00', '2024-11-12T16:30:00.000Z'],
    ['2024-11-12 10:30:00.250 -05:00', '2024-11-12T15:30:00.250Z'],
    ['2024-02-29T10:00:00-06:00', '2024-02-29T16:00:00.000Z'],
    ['2026-11-28T09:00:00+14:00', '2026-11-27T19:00:00.000Z'],
    ['2026-11-28T09:00:00-12:00', '2026-11-28T21:00:00.000Z'],
    ['2026-11-28T09:00:00+0530', '2026-11-28T03:30:00.000Z'],
  ])('reads %s as %s', (value, iso) => {
    const parsed = parseTimestamp(value);
    expect('date' in parsed && parsed.date.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T10:00:00-06:00', 'has no day 30'],
    ['2026-02-29T10:00:00-06:00', 'has no day 29'],
    ['2026-04-31T10:00:00-06:00', 'has no day 31'],
    ['2026-13-01T10:00:00-06:00', 'no month 13'],
    ['2026-00-10T10:00:00-06:00', 'no month 00'],
    ['2026-11-00T10:00:00-06:00', 'has no day 00'],
    ['2026-11-28T24:00:00-06:00', 'not a time of day'],
    ['2026-11-28T10:60:00-06:00', 'not a time of day'],
    ['2026-11-28T10:00:61-06:00', 'not a time of day'],
    ['2026-11-28T09:00:00+99:00', 'offset +99:00'],
    ['2026-11-28T09:00:00+14:30', 'offset +14:30'],
    ['2026-11-28T09:00:00-06:75', 'offset -06:75'],
    ['2026-11-28T09:00:00', 'no UTC offset'],
    ['2026-11-28', 'not a timestamp'],
    ['yesterday', 'not a timestamp'],
  ])('refuses %s (%s)', (value, problem) => {
    const parsed = parseTimestamp(value);
    expect('problem' in parsed && parsed.problem).toContain(problem);
  });
});

describe('frontmatterDateProblems', () => {
  it.each([
    ['publishedAt: 2024-11-12T10:30:00-06:00', []],
    ["publishedAt: '2024-11-12T10:30:00-06:00'", []],
    ['publishedAt: 2024-11-12T10:30:00.250-05:00 # summer time', []],
    ['title: 2026-02-30T10:30:00', []],
    ['hero:\n  caption: 2026-13-01T10:30:00-06:00', []],
    ['publishedAt: 2024-11-12T10:30:00', ['publishedAt']],
    ['publishedAt: 2026-02-30T10:00:00-06:00', ['publishedAt']],
    ['publishedAt: 2026-13-01T10:00:00-06:00', ['publishedAt']],
    ['updatedAt: "2026-11-28T09:00:00+99:00"', ['updatedAt']],
    [
      'corrections:\n  - date: 2024-11-13T09:00:00-06:00\n    text: x\n  - date: 2024-11-31T09:00:00-06:00\n    text: y',
      ['corrections[1].date'],
    ],
    [
      'updates:\n  - date: 2026-11-28T14:32:00-06:00\n    text: x\n  - date: 2026-11-28T14:40\n    text: y',
      ['updates[1].date'],
    ],
    ['coverageEndedAt: 2026-11-28T18:00:00', ['coverageEndedAt']],
  ])('in %j finds problems in %j', (frontmatter, fields) => {
    expect(frontmatterDateProblems(file, frontmatter).map((p) => p.field)).toEqual(fields);
  });

  it('names the file and says why', () => {
    expect(frontmatterDateProblems(file, 'publishedAt: 2026-02-30T10:00:00-06:00')).toEqual([
      {
        file,
        field: 'publishedAt',
        problem: '"2026-02-30T10:00:00-06:00": 2026-02 has no day 30',
      },
    ]);
  });
});

describe('frontmatterOf and bodyOf', () => {
  it('split a file into its YAML and its body, with the line the body starts on', () => {
    const source = '---\ntitle: A\nlang: es\n---\n\nThe story.\n';
    expect(frontmatterOf(source)).toBe('title: A\nlang: es');
    expect(bodyOf(source)).toEqual({ body: '\nThe story.\n', firstLine: 5 });
  });

  it('handle a byte-order mark, CRLF line ends and files without frontmatter', () => {
    expect(bodyOf('\uFEFF---\r\ntitle: A\r\n---\r\nText').body).toBe('Text');
    expect(frontmatterOf('Just a body')).toBe('');
    expect(bodyOf('No frontmatter.')).toEqual({ body: 'No frontmatter.', firstLine: 1 });
  });
});
