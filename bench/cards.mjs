#!/usr/bin/env node
// Share-card drawing cost, step by step: `npx node bench/cards.mjs [--cards 200] [--out dir]`.
//
// Draws the same seeded es/en headlines (short and long) both ways the
// cards can be drawn (src/lib/social-card.ts) and reports milliseconds per
// card of CPU (user + system of the whole process, so libvips' threads
// count) and of wall time, for each step, one card at a time; then the
// cards as a build draws them, four at once (Astro's build.concurrency).
// With --out, the first cards of each kind are written there as JPEGs to
// look at. Not a test: numbers depend on the machine and its load.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { Rng } from './corpus.mjs';

const { values: args } = parseArgs({
  options: {
    cards: { type: 'string', default: '200' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(args.cards);

// The card code is TypeScript with extensionless imports: bundle it (packages
// stay external) into node_modules/.cache so its imports resolve as in the project.
const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'node_modules', '.cache', 'bench-cards', 'social-card.mjs');
await build({
  stdin: {
    contents: `export * from './social-card.ts'; export { drawHeadline } from './card-headline.ts';`,
    resolveDir: join(root, 'src/lib'),
    loader: 'ts',
  },
  bundle: true,
  packages: 'external',
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  logLevel: 'error',
});
const card = await import(bundle);

const WORDS = {
  es: {
    who: [
      'El Gobierno',
      'La alcaldesa',
      'El Congreso',
      'Los vecinos de Tlaxcala',
      'La Fiscalía',
      'El Banco de México',
      'Los maestros',
      'La selección',
    ],
    did: [
      'aprueba',
      'rechaza',
      'retoma',
      'anuncia',
      'investiga',
      'suspende',
      'celebra',
      'denuncia',
    ],
    what: [
      'el presupuesto de 2027',
      'un plan de vivienda',
      'la reforma eléctrica',
      'nuevas tarifas del agua',
      'la ampliación del metro',
      'el acuerdo con los transportistas',
    ],
    tail: [
      'tras semanas de negociación',
      'en medio de protestas',
      'antes de las elecciones',
      '¿otra prórroga?',
      'sin el apoyo de la oposición',
      'por tercera vez este año',
    ],
    sections: ['Política', 'Economía', 'Ciudad', 'Deportes', 'Cultura', 'Mundo'],
  },
  en: {
    who: [
      'The city council',
      'Texas lawmakers',
      'The Fed',
      'Striking nurses',
      'The mayor',
      'Local farmers',
      'The school board',
      'Border officials',
    ],
    did: [
      'approves',
      'rejects',
      'revives',
      'announces',
      'investigates',
      'delays',
      'celebrates',
      'questions',
    ],
    what: [
      'the 2027 budget',
      'a housing plan',
      'new water rates',
      'the rail extension',
      'a deal with truckers',
      'the stadium bond',
    ],
    tail: [
      'after weeks of talks',
      'amid protests',
      'before the election',
      'for a third time this year',
      'without the minority’s votes',
      'as costs keep rising',
    ],
    sections: ['Politics', 'Business', 'City', 'Sports', 'Culture', 'World'],
  },
};

/** Seeded headlines: half Spanish, half English; one in three long. */
function headlines(n, seed) {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const w = WORDS[i % 2 ? 'en' : 'es'];
    let headline = `${rng.pick(w.who)} ${rng.pick(w.did)} ${rng.pick(w.what)}`;
    if (i % 3 === 0)
      headline += ` ${rng.pick(w.tail)}: ${rng.pick(w.who).toLowerCase()} ${rng.pick(w.did)} ${rng.pick(w.what)} ${rng.pick(w.tail)}`;
    else if (i % 3 === 1) headline += ` ${rng.pick(w.tail)}`;
    return { headline, section: rng.pick(w.sections), outlet: 'Voz' };
  });
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs `step` over the inputs one at a time; ms per card of CPU and wall. */
async function timed(inputs, step) {
  const results = [];
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  for (const input of inputs) results.push(await step(input));
  return {
    cpu: (cpuMs() - cpu0) / inputs.length,
    wall: (performance.now() - wall0) / inputs.length,
    results,
  };
}

const inputs = headlines(count, Number(args.seed)).map(card.cardTexts);
// Warm up both paths (fonts, frames, libvips' caches) outside the timings.
for (const texts of inputs.slice(0, 20)) {
  await card.drawLayeredCard(texts);
  await sharp(Buffer.from(await card.drawCardSvg(texts)))
    .jpeg({ quality: 85 })
    .toBuffer();
}

const rows = [];
const row = (path, step, t) =>
  rows.push({ path, step, 'cpu ms/card': t.cpu.toFixed(2), 'wall ms/card': t.wall.toFixed(2) });

// The whole card by satori: layout (main thread), rasterise (librsvg), JPEG.
const layout = await timed(inputs, (t) => card.drawCardSvg(t));
row('satori', 'layout (SVG)', layout);
const raster = await timed(layout.results, (svg) =>
  sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true }),
);
row('satori', 'rasterise (librsvg)', raster);
const encode = await timed(raster.results, ({ data, info }) =>
  sharp(data, { raw: info }).jpeg({ quality: 85 }).toBuffer(),
);
row('satori', 'JPEG q85', encode);
row('satori', 'total', {
  cpu: layout.cpu + raster.cpu + encode.cpu,
  wall: layout.wall + raster.wall + encode.wall,
});

// Latin headlines: the frame once per section, the headline by Pango, composite + JPEG.
const headline = await timed(inputs, (t) =>
  card.drawHeadline(t.headline, card.HEADLINE_AREA, card.headlineSize(t.headline)),
);
row('layered', 'headline (Pango)', headline);
const layered = await timed(inputs, (t) => card.drawLayeredCard(t));
row('layered', 'paint onto frame + JPEG q85', {
  cpu: layered.cpu - headline.cpu,
  wall: layered.wall - headline.wall,
});
row('layered', 'total', layered);

// As a build draws them: drawSocialCard, four at a time.
const cpu0 = cpuMs();
const wall0 = performance.now();
for (let i = 0; i < inputs.length; i += 4) {
  await Promise.all(inputs.slice(i, i + 4).map((t) => card.drawSocialCard(t)));
}
row('drawSocialCard ×4', 'total', {
  cpu: (cpuMs() - cpu0) / inputs.length,
  wall: (performance.now() - wall0) / inputs.length,
});

console.log(
  `${count} cards, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}`,
);
console.table(rows);

if (args.out) {
  mkdirSync(args.out, { recursive: true });
  for (const [i, texts] of inputs.slice(0, 4).entries()) {
    writeFileSync(join(args.out, `layered-${i}.jpg`), await card.drawLayeredCard(texts));
    writeFileSync(join(args.out, `satori-${i}.jpg`), encode.results[i]);
  }
  console.log(`cards written to ${args.out}`);
}
