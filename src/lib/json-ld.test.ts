import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  compact,
  frontPageGraph,
  newsArticle,
  serializeJsonLd,
  type NewsArticleInput,
} from './json-ld';

const publisher = {
  name: 'Voz',
  url: 'https://voz.us/',
  logo: { url: 'https://voz.us/logo.png', width: 600, height: 60 },
};

function makeInput(overrides: Partial<NewsArticleInput> = {}): NewsArticleInput {
  return {
    url: 'https://voz.us/en/2024/11/12/north-korea-russia-treaty/',
    headline: 'North Korea and Russia ratify their expanded defense cooperation treaty',
    description: 'The agreement establishes a mutual defense mechanism.',
    images: ['https://voz.us/a-16x9.jpg', 'https://voz.us/a-4x3.jpg', 'https://voz.us/a-1x1.jpg'],
    publishedAt: new Date('2024-11-12T10:30:00-06:00'),
    modifiedAt: new Date('2024-11-13T09:00:00-06:00'),
    authors: [{ name: 'Voz Staff', url: 'https://voz.us/en/author/staff/' }],
    publisher,
    inLanguage: 'en-US',
    section: 'World',
    keywords: ['North Korea', 'Russia'],
    corrections: [],
    ...overrides,
  };
}

const roundTrip = (value: unknown) => JSON.parse(serializeJsonLd(value));

describe('newsArticle', () => {
  const data = roundTrip(newsArticle(makeInput()));

  it('carries what Google asks of a NewsArticle', () => {
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(
      'North Korea and Russia ratify their expanded defense cooperation treaty',
    );
    expect(data.image).toHaveLength(3);
    expect(data.mainEntityOfPage['@id']).toBe(data.url);
    expect(data.inLanguage).toBe('en-US');
    expect(data.articleSection).toBe('World');
    expect(data.keywords).toEqual(['North Korea', 'Russia']);
  });

  it('dates the article with the newsroom offset', () => {
    expect(data.datePublished).toBe('2024-11-12T10:30:00-06:00');
    expect(data.dateModified).toBe('2024-11-13T09:00:00-06:00');
  });

  it('names authors as Persons with their page and the publisher as a news organisation', () => {
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Voz Staff', url: 'https://voz.us/en/author/staff/' },
    ]);
    expect(data.publisher['@type']).toBe('NewsMediaOrganization');
    expect(data.publisher.logo['@type']).toBe('ImageObject');
  });

  it('lists corrections as CorrectionComments', () => {
    const corrected = roundTrip(
      newsArticle(
        makeInput({
          corrections: [{ date: new Date('2024-11-13T09:00:00-06:00'), text: 'Fixed a date.' }],
        }),
      ),
    );
    expect(corrected.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'Fixed a date.',
        datePublished: '2024-11-13T09:00:00-06:00',
      },
    ]);
  });

  it('leaves out empty fields instead of writing them empty', () => {
    const bare = roundTrip(newsArticle(makeInput({ keywords: [], corrections: [], images: [] })));
    expect(bare).not.toHaveProperty('keywords');
    expect(bare).not.toHaveProperty('correction');
    expect(bare).not.toHaveProperty('image');
    expect(serializeJsonLd(newsArticle(makeInput({ keywords: [] })))).not.toMatch(
      /undefined|null|""/,
    );
  });
});

describe('compact', () => {
  it.each([
    [{ a: undefined, b: null, c: '', d: [], e: {}, f: 'x' }, { f: 'x' }],
    [{ a: [undefined, '', 'y'] }, { a: ['y'] }],
    [{ nested: { empty: '  ' } }, undefined],
    [
      { zero: 0, no: false },
      { zero: 0, no: false },
    ],
  ])('turns %j into %j', (input, expected) => {
    expect(compact(input)).toEqual(expected);
  });
});

describe('serializeJsonLd', () => {
  const hostile = '</script><script>alert(1)</script> & ]]> "quoted" \u2028';

  it('cannot close the script element it is written into', () => {
    const json = serializeJsonLd({ headline: hostile });
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
  });

  it('gives back the original text when parsed', () => {
    expect(JSON.parse(serializeJsonLd({ headline: hostile })).headline).toBe(hostile);
  });

  it('writes each of <, >, &, U+2028 and U+2029 as its Unicode escape, and nothing else', () => {
    expect(serializeJsonLd({ a: 'x<y>z&w\u2028v\u2029 ñ “q” \\ </' })).toBe(
      '{"a":"x\\u003cy\\u003ez\\u0026w\\u2028v\\u2029 ñ “q” \\\\ \\u003c/"}',
    );
  });
});

describe('frontPageGraph and breadcrumbList', () => {
  it('describe the edition as a WebSite published by the news organisation', () => {
    const graph = roundTrip(
      frontPageGraph({ url: 'https://voz.us/es/', name: 'Voz', inLanguage: 'es-US', publisher }),
    )['@graph'];
    expect(graph.map((node: { '@type': string }) => node['@type'])).toEqual([
      'WebSite',
      'NewsMediaOrganization',
    ]);
  });

  it('number the crumbs from the top', () => {
    const list = roundTrip(
      breadcrumbList([
        { name: 'Portada', url: 'https://voz.us/es/' },
        { name: 'Mundo', url: 'https://voz.us/es/mundo/' },
      ]),
    );
    expect(
      list.itemListElement.map((i: { position: number; name: string }) => [i.position, i.name]),
    ).toEqual([
      [1, 'Portada'],
      [2, 'Mundo'],
    ]);
  });
});

// Issue 15: Google Search Central, "Image metadata in Google Images":
// creditText, copyrightNotice and creator on each ImageObject.
describe('images with their rights', () => {
  it('carries the credit, copyright notice and creator on every crop', () => {
    const data = roundTrip(
      newsArticle(
        makeInput({
          images: ['https://voz.us/a.jpg', 'https://voz.us/b.jpg'],
          imageRights: {
            credit: 'Ana Ruiz / Voz',
            copyright: '© 2026 Voz Media',
            creator: 'Ana Ruiz',
          },
        }),
      ),
    );
    expect(data.image).toEqual(
      ['https://voz.us/a.jpg', 'https://voz.us/b.jpg'].map((url) => ({
        '@type': 'ImageObject',
        url,
        contentUrl: url,
        creditText: 'Ana Ruiz / Voz',
        copyrightNotice: '© 2026 Voz Media',
        creator: { '@type': 'Person', name: 'Ana Ruiz' },
      })),
    );
  });

  it('leaves out what is not known, and keeps plain URLs when nothing is', () => {
    const credited = roundTrip(
      newsArticle(makeInput({ images: ['https://voz.us/a.jpg'], imageRights: { credit: 'AFP' } })),
    );
    expect(credited.image).toEqual([
      {
        '@type': 'ImageObject',
        url: 'https://voz.us/a.jpg',
        contentUrl: 'https://voz.us/a.jpg',
        creditText: 'AFP',
      },
    ]);
    const bare = roundTrip(newsArticle(makeInput({ images: ['https://voz.us/a.jpg'] })));
    expect(bare.image).toEqual(['https://voz.us/a.jpg']);
  });
});

describe('newsArticle by kind', () => {
  it.each(['AnalysisNewsArticle', 'OpinionNewsArticle'] as const)('can be an %s', (type) => {
    expect(roundTrip(newsArticle(makeInput({ type })))['@type']).toBe(type);
  });

  it('lists each correction as a CorrectionComment with its date', () => {
    const data = roundTrip(
      newsArticle(
        makeInput({
          corrections: [{ date: new Date('2024-11-13T09:00:00-06:00'), text: 'A name was wrong.' }],
        }),
      ),
    );
    expect(data.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'A name was wrong.',
        datePublished: '2024-11-13T09:00:00-06:00',
      },
    ]);
  });

  const update = (time: string, text: string) => ({
    url: `https://voz.us/en/live/#update-${time}`,
    date: new Date(`2026-11-28T${time}:00-06:00`),
    text,
    author: undefined,
  });

  it('describes live coverage as a LiveBlogPosting with its updates', () => {
    const data = roundTrip(
      newsArticle(
        makeInput({
          type: 'LiveBlogPosting',
          liveCoverage: {
            startedAt: new Date('2026-11-28T08:00:00-06:00'),
            endedAt: undefined,
            updates: [update('10:00', 'Second.'), update('09:00', 'First.')],
          },
        }),
      ),
    );
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.coverageStartTime).toBe('2026-11-28T08:00:00-06:00');
    expect(data).not.toHaveProperty('coverageEndTime');
    expect(data.liveBlogUpdate).toEqual([
      {
        '@type': 'BlogPosting',
        url: 'https://voz.us/en/live/#update-10:00',
        headline: 'Second.',
        articleBody: 'Second.',
        datePublished: '2026-11-28T10:00:00-06:00',
      },
      expect.objectContaining({ headline: 'First.' }),
    ]);
  });

  it('gives ended coverage its end and shortens long updates into headlines', () => {
    const long = 'word '.repeat(60).trim();
    const data = roundTrip(
      newsArticle(
        makeInput({
          type: 'LiveBlogPosting',
          liveCoverage: {
            startedAt: new Date('2026-11-28T08:00:00-06:00'),
            endedAt: new Date('2026-11-28T20:00:00-06:00'),
            updates: [update('10:00', long)],
          },
        }),
      ),
    );
    expect(data.coverageEndTime).toBe('2026-11-28T20:00:00-06:00');
    expect(data.liveBlogUpdate[0].headline.length).toBeLessThanOrEqual(110);
    expect(data.liveBlogUpdate[0].headline.endsWith('…')).toBe(true);
    expect(data.liveBlogUpdate[0].articleBody).toBe(long);
  });
});
