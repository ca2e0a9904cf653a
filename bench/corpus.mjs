// Deterministic corpus generator for the benchmark: writes a content/ folder
// that follows the content contract (README, "Writing an article") with N
// articles in both editions and, optionally, M of them with a unique
// photo-like hero image. Same seed and options, same bytes: every random choice
// comes from a seeded PRNG (never Math.random), and dates are relative to a
// fixed build time, not to today.
//
//   node bench/corpus.mjs --out /tmp/x/content --articles 100 [--images 5] [--seed 1]
import { Buffer } from 'node:buffer';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SITE } from '../src/site.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The moment the benchmark builds treat as "now" (same as the e2e build). */
export const DEFAULT_BUILD_TIME = '2026-11-28T12:00:00-06:00';
const TIME_ZONE = SITE.timeZone;
const DAY = 24 * 3600 * 1000;

// ---------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, good enough for test data; returns [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a label into a new 32-bit seed (FNV-1a). */
export function deriveSeed(seed, label) {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of String(label)) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** Index with a long tail: low indices much more likely (Zipf-like). */
  skewed(length, power = 1.6) {
    return Math.min(length - 1, Math.floor(length * this.next() ** power));
  }
  /** `count` distinct items. */
  sample(list, count) {
    const copy = [...list];
    const out = [];
    while (out.length < count && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Vocabulary. Pseudo-prose: plausible local-news sentences assembled from
// parts, so bodies have realistic word lengths, punctuation and variety.

const PLACES = [
  'Houston',
  'San Antonio',
  'Dallas',
  'Austin',
  'El Paso',
  'Laredo',
  'Brownsville',
  'McAllen',
  'Fort Worth',
  'Corpus Christi',
  'Lubbock',
  'Harlingen',
  'Eagle Pass',
  'Del Rio',
  'Waco',
  'Amarillo',
  'Edinburg',
  'Pharr',
];
const FIRST_NAMES = [
  'María',
  'José',
  'Ana',
  'Luis',
  'Carmen',
  'Jorge',
  'Sofía',
  'Miguel',
  'Laura',
  'David',
  'Patricia',
  'Roberto',
  'Emily',
  'James',
  'Rosa',
  'Héctor',
  'Valeria',
  'Tomás',
];
const LAST_NAMES = [
  'García',
  'Martínez',
  'Hernández',
  'López',
  'González',
  'Pérez',
  'Rodríguez',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Flores',
  'Rivera',
  'Smith',
  'Johnson',
  "O'Connor",
  'Nguyen',
  'Castro',
  'Vargas',
];
const LINK_HOSTS = [
  'https://www.census.gov/data',
  'https://www.tceq.texas.gov/news',
  'https://capitol.texas.gov/reports',
  'https://www.bls.gov/news.release',
  'https://www.weather.gov/bro',
  'https://www.example.org/report',
];
const CREDITS = ['AFP', 'AP', 'Reuters', 'EFE', 'Voz', 'Voz/Rubén Castillo', 'Getty Images'];

const LANG = {
  en: {
    subjects: [
      'The county commission',
      'State officials',
      'Residents of {place}',
      "The governor's office",
      'A federal judge',
      'Local business owners in {place}',
      'School district leaders',
      'Emergency managers',
      'Lawmakers in Austin',
      'The city council of {place}',
      'Health authorities',
      'Farmers across the Rio Grande Valley',
      'Transit planners',
      'Two nonprofit groups',
      'The port authority',
      'Federal regulators',
    ],
    verbs: [
      'approved',
      'rejected',
      'announced',
      'questioned',
      'delayed',
      'expanded',
      'reviewed',
      'defended',
      'criticized',
      'proposed',
      'debated',
      'funded',
    ],
    objects: [
      'a plan to expand water storage',
      'new rules for short-term rentals',
      'a $40 million budget for road repairs',
      'a pilot program for bilingual classrooms',
      'changes to the property tax rate',
      'a study of flood risk along the river',
      'an agreement with the state on border crossings',
      'extended hours at public libraries',
      'a program to replace lead pipes',
      'a new bus route to the medical center',
      'grants for small restaurants & food trucks',
      'limits on truck traffic near schools',
    ],
    tails: [
      'on Tuesday',
      'after weeks of debate',
      'according to a statement',
      'despite objections from neighbors',
      'ahead of the holiday season',
      'in a 5-2 vote',
      'late Thursday night',
      'for the second year in a row',
      'without public comment',
      'at a packed meeting',
    ],
    facts: [
      'The measure would take effect in {month}, if no legal challenge delays it.',
      'About {n} percent of households in the area would be affected, officials estimated.',
      'A similar proposal failed in {year} after opponents collected more than {n},000 signatures.',
      'The cost is expected to be shared between the city and the county.',
      'Critics said the timeline was unrealistic & the budget too small.',
      'The agency did not respond to a request for comment by publication time.',
      'Turnout at the hearing was the highest since {year}, the clerk said.',
      'Data from the last census show the population grew by {n} percent in a decade.',
      "Supporters argued it was the city's best option (and < 1% of its budget).",
      'The next public hearing is scheduled for {month}.',
    ],
    quotes: [
      'We have waited long enough for this',
      'Nobody here is against progress, but the details matter',
      'This is about the families who live on this street',
      'The numbers simply do not add up',
      'It is a first step, not the last one',
      'We will keep asking questions until we get answers',
    ],
    said: 'said',
    roles: ['a spokesperson for the county', 'a resident', 'a city council member', 'an economist'],
    months: ['January', 'March', 'May', 'June', 'September', 'October', 'December'],
    subheads: [
      'What happens next',
      'A long fight',
      'The numbers behind the plan',
      'What residents say',
      'Reaction in Austin',
      'The cost',
      'Background',
      'Who is affected',
    ],
    listIntro: 'The proposal includes:',
    listItems: [
      'more inspectors for older buildings',
      'a hotline in English and Spanish',
      'quarterly reports to the council',
      'a review after two years',
      'money for sidewalks near schools',
      'extended weekend hours',
    ],
    linkText: ['the full report', 'the official data', 'a public filing', 'the agency notice'],
    see: 'Read {link} for details.',
    tags: [
      'Texas',
      'Immigration',
      'Border',
      'Economy',
      'Education',
      'Health',
      'Weather',
      'Housing',
      'Transportation',
      'Elections',
      'Congress',
      'Texas Legislature',
      'Water',
      'Energy',
      'Oil and gas',
      'Jobs',
      'Inflation',
      'Small business',
      'Agriculture',
      'Public safety',
      'Courts',
      'Technology',
      'Film',
      'Music',
      'Books',
      'Sports',
      'Mexico',
      'Trade',
      'Ukraine war',
      'Middle East',
      'Latin America',
      'Climate',
      'Hurricanes',
      'Property taxes',
      'Schools',
      'Universities',
      'Thanksgiving',
      'Veterans',
      'Telecom',
      '911',
    ],
  },
  es: {
    subjects: [
      'La comisión del condado',
      '*Funcionarios estatales',
      '*Los vecinos de {place}',
      'La oficina del gobernador',
      'Un juez federal',
      '*Comerciantes de {place}',
      '*Los directivos del distrito escolar',
      '*Los servicios de emergencia',
      '*Los legisladores en Austin',
      'El concejo municipal de {place}',
      '*Las autoridades sanitarias',
      '*Agricultores del Valle del Río Grande',
      '*Los planificadores de transporte',
      '*Dos organizaciones sin fines de lucro',
      'La autoridad portuaria',
      '*Los reguladores federales',
    ],
    verbs: [
      ['aprobó', 'aprobaron'],
      ['rechazó', 'rechazaron'],
      ['anunció', 'anunciaron'],
      ['cuestionó', 'cuestionaron'],
      ['aplazó', 'aplazaron'],
      ['amplió', 'ampliaron'],
      ['revisó', 'revisaron'],
      ['defendió', 'defendieron'],
      ['criticó', 'criticaron'],
      ['propuso', 'propusieron'],
      ['debatió', 'debatieron'],
      ['financió', 'financiaron'],
    ],
    objects: [
      'un plan para ampliar el almacenamiento de agua',
      'nuevas normas para los alquileres de corta estancia',
      'un presupuesto de 40 millones de dólares para reparar calles',
      'un programa piloto de aulas bilingües',
      'cambios en la tasa del impuesto a la propiedad',
      'un estudio sobre el riesgo de inundaciones junto al río',
      'un acuerdo con el estado sobre los cruces fronterizos',
      'un horario ampliado en las bibliotecas públicas',
      'un programa para sustituir tuberías de plomo',
      'una nueva ruta de autobús hacia el centro médico',
      'ayudas para pequeños restaurantes & puestos de comida',
      'límites al tráfico de camiones cerca de las escuelas',
    ],
    tails: [
      'el martes',
      'tras semanas de debate',
      'según un comunicado',
      'pese a las objeciones de los vecinos',
      'antes de la temporada navideña',
      'por cinco votos contra dos',
      'el jueves por la noche',
      'por segundo año consecutivo',
      'sin comentarios del público',
      'en una reunión abarrotada',
    ],
    facts: [
      'La medida entraría en vigor en {month}, si ningún recurso judicial lo impide.',
      'Cerca del {n} % de los hogares de la zona se verían afectados, según las estimaciones oficiales.',
      'Una propuesta similar fracasó en {year}, después de que sus opositores reunieran más de {n}.000 firmas.',
      'Se espera que el costo se reparta entre la ciudad y el condado.',
      'Los críticos dijeron que el calendario era poco realista & el presupuesto, escaso.',
      'La agencia no respondió a una solicitud de comentarios antes del cierre de esta edición.',
      'La asistencia a la audiencia fue la más alta desde {year}, según la secretaría.',
      'Los datos del último censo muestran que la población creció un {n} % en una década.',
      'Sus defensores argumentaron que era la mejor opción de la ciudad (y < 1 % de su presupuesto).',
      'La próxima audiencia pública está prevista para {month}.',
    ],
    quotes: [
      'Hemos esperado demasiado tiempo por esto',
      'Aquí nadie está en contra del progreso, pero los detalles importan',
      'Esto se trata de las familias que viven en esta calle',
      'Las cuentas sencillamente no cuadran',
      'Es un primer paso, no el último',
      'Seguiremos preguntando hasta obtener respuestas',
    ],
    said: 'dijo',
    roles: ['portavoz del condado', 'vecina del barrio', 'concejal de la ciudad', 'economista'],
    months: ['enero', 'marzo', 'mayo', 'junio', 'septiembre', 'octubre', 'diciembre'],
    subheads: [
      'Qué pasará ahora',
      'Una larga disputa',
      'Las cifras detrás del plan',
      'Qué dicen los vecinos',
      'La reacción en Austin',
      'El costo',
      'Antecedentes',
      'A quién afecta',
    ],
    listIntro: 'La propuesta incluye:',
    listItems: [
      'más inspectores para los edificios antiguos',
      'una línea de atención en español e inglés',
      'informes trimestrales al concejo',
      'una revisión a los dos años',
      'fondos para aceras cerca de las escuelas',
      'horario ampliado los fines de semana',
    ],
    linkText: ['el informe completo', 'los datos oficiales', 'un documento público', 'el aviso'],
    see: 'Consulte {link} para más detalles.',
    tags: [
      'Texas',
      'Inmigración',
      'Frontera',
      'Economía',
      'Educación',
      'Salud',
      'Clima',
      'Vivienda',
      'Transporte',
      'Elecciones',
      'Congreso',
      'Legislatura de Texas',
      'Agua',
      'Energía',
      'Petróleo y gas',
      'Empleo',
      'Inflación',
      'Pequeñas empresas',
      'Agricultura',
      'Seguridad',
      'Tribunales',
      'Tecnología',
      'Cine',
      'Música',
      'Libros',
      'Deportes',
      'México',
      'Comercio',
      'Guerra en Ucrania',
      'Oriente Medio',
      'América Latina',
      'Cambio climático',
      'Huracanes',
      'Impuestos a la propiedad',
      'Escuelas',
      'Universidades',
      'Acción de Gracias',
      'Veteranos',
      'Telecomunicaciones',
      'Día de Muertos',
    ],
  },
};

// Titles that are valid but try to break escaping: entities, quotes, markup,
// a closing script tag, emoji, inverted punctuation.
const HOSTILE_TITLES = {
  en: [
    'Q&A: "What\'s next" for AT&T\'s <fiber> rollout in El Paso 📡',
    "Tacos & tamales: Houston's 'best' <3 list, ranked 🌮",
    '</script><b>Not bold</b>: a headline that tests escaping',
    'O\'Rourke vs. "Abbott": is 5 < 10? Claims & numbers checked ✅',
  ],
  es: [
    'Niños & familias: «¿Qué sigue?» tras la inundación en Pharr 🌧️',
    'Ñandú, café y jalapeño: acentos & signos ¿raros? ¡Sí! 🇲🇽',
    'El "plan B" del concejo: <menos> impuestos & más deuda 💸',
    "¿Quién paga? 'Tarifas' & recargos <ocultos> en la factura del agua",
  ],
};

// ---------------------------------------------------------------------------
// Dates: local times in the newsroom's time zone with the offset in force then.

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  timeZoneName: 'longOffset',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2024-11-12T10:30:00-06:00` for an instant, in the newsroom's time zone. */
export function chicagoIso(ms) {
  const parts = Object.fromEntries(
    offsetFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName.replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

// ---------------------------------------------------------------------------
// Text

function fill(template, rng, lang) {
  const words = LANG[lang];
  return template
    .replaceAll('{place}', () => rng.pick(PLACES))
    .replaceAll('{month}', () => rng.pick(words.months))
    .replaceAll('{year}', () => String(rng.int(2009, 2022)))
    .replaceAll('{n}', () => String(rng.int(3, 48)));
}

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const person = (rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

/** Subject, verb and object; a leading `*` marks a plural subject (Spanish verbs agree). */
function clause(rng, lang) {
  const w = LANG[lang];
  const subject = rng.pick(w.subjects);
  const plural = subject.startsWith('*');
  const verb = rng.pick(w.verbs);
  const verbForm = Array.isArray(verb) ? verb[plural ? 1 : 0] : verb;
  return `${fill(subject.replace(/^\*/, ''), rng, lang)} ${verbForm} ${rng.pick(w.objects)}`;
}

function sentence(rng, lang, { link = false } = {}) {
  const w = LANG[lang];
  const roll = rng.next();
  if (roll < 0.45) {
    return capitalize(`${clause(rng, lang)} ${rng.pick(w.tails)}.`);
  }
  if (roll < 0.75) return fill(rng.pick(w.facts), rng, lang);
  if (roll < 0.9 || !link) {
    return lang === 'es'
      ? `«${rng.pick(w.quotes)}», ${w.said} ${person(rng)}, ${rng.pick(w.roles)}.`
      : `"${rng.pick(w.quotes)}," ${w.said} ${person(rng)}, ${rng.pick(w.roles)}.`;
  }
  const href = `${rng.pick(LINK_HOSTS)}/${rng.int(1000, 99999)}`;
  return w.see.replace('{link}', `[${rng.pick(w.linkText)}](${href})`);
}

function paragraph(rng, lang) {
  const sentences = [];
  const target = rng.int(40, 110);
  while (wordCount(sentences.join(' ')) < target) {
    sentences.push(sentence(rng, lang, { link: rng.chance(0.25) }));
  }
  return sentences.join(' ');
}

/** A body of 400–1,200 words with subheads, a list and a blockquote now and then. */
export function body(rng, lang) {
  const w = LANG[lang];
  const target = rng.int(400, 1200);
  const blocks = [paragraph(rng, lang), paragraph(rng, lang)];
  let words = wordCount(blocks.join(' '));
  const subheads = rng.sample(w.subheads, w.subheads.length);
  let sinceHead = 0;
  while (words < target) {
    let block;
    if (sinceHead >= rng.int(2, 4) && subheads.length > 0) {
      block = `## ${subheads.pop()}`;
      sinceHead = 0;
    } else if (rng.chance(0.08)) {
      const items = rng.sample(w.listItems, rng.int(3, 5)).map((item) => `- ${capitalize(item)}`);
      block = `${w.listIntro}\n\n${items.join('\n')}`;
    } else if (rng.chance(0.06)) {
      block = `> ${paragraph(rng, lang)}`;
    } else {
      block = paragraph(rng, lang);
      sinceHead += 1;
    }
    blocks.push(block);
    words += wordCount(block);
  }
  return `${blocks.join('\n\n')}\n`;
}

function headline(rng, lang) {
  return clause(rng, lang);
}

/** Lower case, hyphens, no accents: the file name rule for articles. */
export function slugify(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-');
}

/** YAML scalar: JSON strings are valid YAML double-quoted scalars. */
const q = (value) => JSON.stringify(value);

// ---------------------------------------------------------------------------
// Photo-like images, made with sharp from seeded data (sharp's own noise
// generator is not seeded): a smooth low-resolution scene scaled up, mid-scale
// texture, blur, a vignette and fine grain. Every seed gives a different photo.

export async function photo(seed, width = 2400, height = 1600) {
  const { default: sharp } = await import('sharp');
  const rng = new Rng(seed);
  const raw = (data, w, h, channels = 3) => sharp(data, { raw: { width: w, height: h, channels } });

  // 1. Scene at 1/10 scale: a sky-to-ground gradient with a horizon, soft
  //    light sources, and hard-edged shapes (buildings, people, signs) below.
  const sw = Math.round(width / 10);
  const sh = Math.round(height / 10);
  const scene = Buffer.alloc(sw * sh * 3);
  const saturation = 0.3 + rng.next() * 0.5;
  const color = () => {
    const c = [rng.int(10, 245), rng.int(10, 245), rng.int(10, 245)];
    const grey = (c[0] + c[1] + c[2]) / 3;
    return c.map((v) => grey + (v - grey) * saturation);
  };
  const top = color();
  const bottom = color().map((c) => c * 0.6);
  const horizon = 0.3 + rng.next() * 0.4;
  const blobs = Array.from({ length: rng.int(3, 8) }, () => ({
    x: rng.next() * sw,
    y: rng.next() * sh * horizon,
    r: (0.03 + rng.next() * 0.2) * sw,
    c: color(),
  }));
  const shapes = Array.from({ length: rng.int(4, 14) }, () => {
    const w = (0.03 + rng.next() * 0.2) * sw;
    const h = (0.1 + rng.next() * 0.5) * sh;
    const x = rng.next() * sw;
    const y = horizon * sh + rng.next() * sh * 0.3 - h * 0.6;
    return { x0: x, x1: x + w, y0: y, y1: y + h, c: color().map((c) => c * 0.7) };
  });
  for (let y = 0; y < sh; y++) {
    const t = 1 / (1 + Math.exp(-(y / sh - horizon) * 14));
    for (let x = 0; x < sw; x++) {
      const px = [0, 1, 2].map((k) => (top[k] ?? 0) * (1 - t) + (bottom[k] ?? 0) * t);
      for (const b of blobs) {
        const d = Math.hypot(x - b.x, y - b.y) / b.r;
        const a = Math.exp(-d * d) * 0.85;
        for (let k = 0; k < 3; k++) px[k] = px[k] * (1 - a) + (b.c[k] ?? 0) * a;
      }
      for (const r of shapes) {
        if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) {
          const shade = 0.75 + 0.25 * ((y - r.y0) / (r.y1 - r.y0));
          for (let k = 0; k < 3; k++) px[k] = (r.c[k] ?? 0) * shade;
        }
      }
      const dx = x / sw - 0.5;
      const dy = y / sh - 0.5;
      const vignette = 1 - 0.9 * (dx * dx + dy * dy);
      for (let k = 0; k < 3; k++) scene[(y * sw + x) * 3 + k] = Math.round(px[k] * vignette);
    }
  }
  const base = await raw(scene, sw, sh)
    .blur(0.8)
    .resize(width, height, { kernel: 'cubic' })
    .blur(2.5)
    .raw()
    .toBuffer();

  // 2. Texture at two scales (foliage, fabric, crowds…): seeded noise, scaled up.
  async function octave(divisor) {
    const w = Math.round(width / divisor);
    const h = Math.round(height / divisor);
    const data = Buffer.alloc(w * h);
    for (let i = 0; i < data.length; i++) data[i] = Math.floor(rng.next() * 256);
    return raw(data, w, h, 1).resize(width, height, { kernel: 'cubic' }).blur(1).raw().toBuffer();
  }
  const coarse = await octave(40);
  const fine = await octave(5);

  // 3. Combine with sensor grain, one pass in JS.
  const out = new Uint8ClampedArray(width * height * 3); // clamps to 0–255
  const strength = (12 + rng.next() * 22) / 128;
  for (let p = 0, i = 0; p < width * height; p++, i += 3) {
    const texture = ((coarse[p] ?? 128) - 128) * 0.7 + ((fine[p] ?? 128) - 128) * 0.3;
    const shift = texture * strength + (rng.next() - 0.5) * 8;
    out[i] = (base[i] ?? 0) + shift;
    out[i + 1] = (base[i + 1] ?? 0) + shift;
    out[i + 2] = (base[i + 2] ?? 0) + shift;
  }
  return raw(Buffer.from(out.buffer), width, height).jpeg({ quality: 82 }).toBuffer();
}

// ---------------------------------------------------------------------------
// The corpus

/**
 * Writes `<out>/sections`, `<out>/authors` (copies of the project's) and
 * `<out>/articles/<yyyy>/<slug>.md` for `articles` articles; `images` of them,
 * spread evenly, get a hero photo written beside them. Returns a summary.
 */
export async function generateCorpus({
  out,
  articles,
  images = 0,
  seed = 1,
  buildTime = DEFAULT_BUILD_TIME,
  source = join(ROOT, 'content'),
  onImage = () => {},
}) {
  if (images > articles)
    throw new Error(`--images (${images}) cannot exceed --articles (${articles})`);
  cpSync(join(source, 'sections'), join(out, 'sections'), { recursive: true });
  cpSync(join(source, 'authors'), join(out, 'authors'), { recursive: true });
  const sections = ids(join(source, 'sections'));
  const authors = ids(join(source, 'authors'));

  const rng = new Rng(deriveSeed(seed, 'corpus'));
  const now = new Date(buildTime).getTime();
  const span = 3 * 365 * DAY;
  const heroEvery = images > 0 ? articles / images : Infinity;
  const slugs = new Set();
  const written = [];
  const translatable = { es: [], en: [] };
  let hostile = 0;
  let translations = 0;

  for (let i = 0; i < articles; i++) {
    const lang = rng.chance(0.6) ? 'es' : 'en';
    const other = lang === 'es' ? 'en' : 'es';
    let section = rng.pick(sections);
    let byline = rng.chance(0.85) ? [rng.pick(authors)] : rng.sample(authors, 2);
    // Published between three years and an hour before the build, on the minute.
    let published = now - 3600 * 1000 - Math.floor(rng.next() * span);
    published -= published % 60000;

    // A few translation pairs (about 1 in 20, one in even the smallest
    // corpus): this article translates an earlier one in the other edition
    // that is not itself a translation and has none yet.
    let translationOf;
    const pool = translatable[other];
    if (pool.length > 0 && (rng.chance(0.04) || i % 40 === 13)) {
      const original = pool.splice(rng.int(0, pool.length - 1), 1)[0];
      translationOf = original.id;
      section = original.section;
      byline = original.authors;
      published = Math.min(original.published + rng.int(1, 48) * 3600 * 1000, now - 60000);
      translations += 1;
    }

    let title = headline(rng, lang);
    if (i % 33 === 7) {
      const list = HOSTILE_TITLES[lang];
      title = list[hostile++ % list.length];
    }
    let slug = slugify(title) || `story-${i}`;
    if (slugs.has(slug)) slug = `${slug}-${i.toString(36)}`;
    slugs.add(slug);

    const publishedAt = chicagoIso(published);
    const year = publishedAt.slice(0, 4);
    const id = `${year}/${slug}`;
    const fields = [
      `title: ${q(title)}`,
      `dek: ${q(`${sentence(rng, lang)} ${sentence(rng, lang)}`)}`,
      `publishedAt: ${publishedAt}`,
    ];
    if (rng.chance(0.2)) {
      const updated = Math.min(published + rng.int(10, 72 * 60) * 60000, now - 60000);
      fields.push(`updatedAt: ${chicagoIso(updated)}`);
    }
    fields.push(`authors: [${byline.join(', ')}]`, `section: ${section}`);
    const tagCount = rng.int(0, 5);
    if (tagCount > 0) {
      const vocab = LANG[lang].tags;
      const tags = new Set();
      for (let t = 0; t < tagCount; t++) tags.add(vocab[rng.skewed(vocab.length)]);
      fields.push(`tags: [${[...tags].map(q).join(', ')}]`);
    }
    fields.push(`lang: ${lang}`);
    if (translationOf) fields.push(`translationOf: ${translationOf}`);
    if (rng.chance(0.01)) fields.push('featured: true');

    const hasHero = images > 0 && Math.floor(i / heroEvery) !== Math.floor((i - 1) / heroEvery);
    if (hasHero) {
      fields.push(
        'hero:',
        `  image: ./${slug}.jpg`,
        `  alt: ${q(sentence(rng, lang).replace(/[.«»"]/g, ''))}`,
        `  caption: ${q(sentence(rng, lang))}`,
        `  credit: ${q(rng.pick(CREDITS))}`,
      );
    }

    const file = join(out, 'articles', year, `${slug}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `---\n${fields.join('\n')}\n---\n\n${body(rng, lang)}`);
    if (hasHero) {
      writeFileSync(
        join(dirname(file), `${slug}.jpg`),
        await photo(deriveSeed(seed, `photo:${id}`)),
      );
      onImage(id);
    }
    written.push({ id, lang, file });
    if (!translationOf) {
      translatable[lang].push({ id, section, authors: byline, published });
    }
  }
  return {
    articles: written.length,
    images,
    translations,
    hostile,
    files: written.map((a) => a.file),
  };
}

function ids(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

// ---------------------------------------------------------------------------
// Changes to a generated corpus, for the benchmark's rebuilds (bench/run.mjs,
// prototypes/publish/measure.mjs)

/**
 * A new story published an hour before the build time, modelled on the
 * newest file: it goes on the front, its section's, tags' and author's first
 * pages and the feeds. Returns its path.
 */
export function addStory(files, buildTime = DEFAULT_BUILD_TIME) {
  const sorted = [...files].sort();
  const model = readFileSync(sorted[sorted.length - 1], 'utf8');
  const publishedAt = chicagoIso(new Date(buildTime).getTime() - 60 * 60 * 1000);
  const text = model
    .replace(/^title: "(.*)"$/m, 'title: "Nueva historia de última hora"')
    .replace(/^publishedAt: .*$/m, `publishedAt: ${publishedAt}`)
    .replace(/^updatedAt: .*\n/m, '')
    .replace(/^translationOf: .*\n/m, '')
    .replace(/^featured: .*\n/m, '');
  let file = join(
    dirname(sorted[sorted.length - 1]),
    '..',
    publishedAt.slice(0, 4),
    'nueva-historia-de-ultima-hora.md',
  );
  for (let n = 2; existsSync(file); n++) file = file.replace(/(-\d+)?\.md$/, `-${n}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/**
 * A story taken down (marked as a draft): one that is neither a translation
 * nor translated, so that no other story changes with it. Returns its path.
 */
export function unpublishStory(files) {
  const sorted = [...files].sort();
  const texts = sorted.map((file) => readFileSync(file, 'utf8'));
  const index = sorted.findIndex((file, i) => {
    const slug = basename(file, '.md');
    return (
      i > 0 &&
      !/^draft: true$/m.test(texts[i]) &&
      !/^translationOf:/m.test(texts[i]) &&
      !texts.some((t) => (t.match(/^translationOf: (.*)$/m)?.[1] ?? '').endsWith(`/${slug}`))
    );
  });
  const file = sorted[index];
  writeFileSync(file, texts[index].replace(/^---\n/, '---\ndraft: true\n'));
  return file;
}

// ---------------------------------------------------------------------------
// CLI

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      articles: { type: 'string', default: '100' },
      images: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      'build-time': { type: 'string', default: DEFAULT_BUILD_TIME },
    },
  });
  if (!values.out) {
    console.error(
      'usage: node bench/corpus.mjs --out <dir>/content --articles N [--images M] [--seed S]',
    );
    process.exit(2);
  }
  const summary = await generateCorpus({
    out: resolve(values.out),
    articles: Number(values.articles),
    images: Number(values.images),
    seed: Number(values.seed),
    buildTime: values['build-time'],
  });
  console.log(
    `Wrote ${summary.articles} articles (${summary.images} with hero images, ${summary.translations} translations, ${summary.hostile} hostile titles) to ${values.out}`,
  );
}
