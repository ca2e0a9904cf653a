// node --test bench/starter/post.test.mjs (Vitest's include covers src/ and
// scripts/ only; this helper belongs to the benchmark).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { starterPost } from './post.mjs';

const BODY =
  'Primer párrafo con un [enlace](https://example.org/a?b=1&c=2).\n\n## Subtítulo\n\n> Cita --- con guiones\n';

function article(fields) {
  return `---\n${fields.join('\n')}\n---\n\n${BODY}`;
}

const ORDINARY = article([
  'title: "Corea del Norte y Rusia ratifican su tratado"',
  'dek: "El acuerdo establece un mecanismo de defensa mutua. Aumenta el temor."',
  'publishedAt: 2024-11-12T11:15:00-06:00',
  'authors: [staff]',
  'section: world',
  'lang: es',
]);

function frontmatterOf(post) {
  return parse(post.split('---\n')[1] ?? '');
}

test('a post carries the title, the standfirst as description and the publication time', () => {
  assert.deepEqual(frontmatterOf(starterPost(ORDINARY)), {
    title: 'Corea del Norte y Rusia ratifican su tratado',
    description: 'El acuerdo establece un mecanismo de defensa mutua. Aumenta el temor.',
    pubDate: '2024-11-12T11:15:00-06:00',
  });
});

test('the publication time keeps its offset, so both sites date the story alike', () => {
  const { pubDate } = frontmatterOf(starterPost(ORDINARY));
  assert.equal(new Date(pubDate).toISOString(), '2024-11-12T17:15:00.000Z');
});

test('the body after the frontmatter is the same text, byte for byte', () => {
  assert.ok(starterPost(ORDINARY).endsWith(`---\n\n${BODY}`));
  assert.equal(starterPost(ORDINARY).split('---\n').length, 3);
});

test('fields the starter has no place for (authors, section, tags, lang) are left out', () => {
  assert.deepEqual(Object.keys(frontmatterOf(starterPost(ORDINARY))), [
    'title',
    'description',
    'pubDate',
  ]);
});

const HOSTILE = [
  'Q&A: "What\'s next" for AT&T\'s <fiber> rollout in El Paso 📡',
  '</script><b>Not bold</b>: a headline that tests escaping',
  "¿Quién paga? 'Tarifas' & recargos <ocultos> en la factura del agua",
  'Title: with a colon # and a hash',
];

for (const title of HOSTILE) {
  test(`a headline with quotes, markup or emoji survives as written: ${title}`, () => {
    const post = starterPost(
      article([
        `title: ${JSON.stringify(title)}`,
        'dek: "Un resumen."',
        'publishedAt: 2026-01-02T03:04:00-06:00',
      ]),
    );
    assert.equal(frontmatterOf(post).title, title);
  });
}

test('an article without a standfirst is refused, naming the file and the field', () => {
  assert.throws(
    () =>
      starterPost(
        article(['title: "Sin entradilla"', 'publishedAt: 2026-01-02T03:04:00-06:00']),
        'content/articles/2026/sin-entradilla.md',
      ),
    { message: 'content/articles/2026/sin-entradilla.md: dek: missing' },
  );
});

test('a file without frontmatter is refused', () => {
  assert.throws(() => starterPost('Just text.\n', 'x.md'), {
    message: 'x.md: frontmatter: missing',
  });
});
