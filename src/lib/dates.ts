import { SITE, type Lang } from '../site';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One `Intl.DateTimeFormat` per locale and options for the whole build:
 * making one costs far more than formatting with it, and a 10,000-article
 * build formats dates hundreds of thousands of times (making them per call
 * took a fifth of such a build's CPU time).
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, options]);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** The clock formatters by options object and time zone, found without making a key. */
const clockFormats = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/** Reads the fields of an instant as a clock in `timeZone` shows them. */
function clockParts(
  date: Date,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): (type: Intl.DateTimeFormatPartTypes) => string {
  let byZone = clockFormats.get(options);
  if (!byZone) {
    byZone = new Map();
    clockFormats.set(options, byZone);
  }
  let format = byZone.get(timeZone);
  if (!format) {
    format = dateFormat('en-US', { timeZone, ...options });
    byZone.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  return (type) => parts.find((part) => part.type === type)?.value ?? '';
}

const ZERO_PADDED_DATE = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;

/** Calendar dates already read, by time zone and instant: a build asks for each story's many times. */
const zonedDates = new Map<
  string,
  Map<number, Readonly<{ year: string; month: string; day: string }>>
>();

const DAY_MS = 86_400_000;
const CLOCK = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
} as const;

/** How far ahead of UTC the clocks of `timeZone` are at `time` (whole seconds). */
function offsetAt(time: number, timeZone: string): number {
  const at = Math.floor(time / 1000) * 1000;
  const get = clockParts(new Date(at), timeZone, CLOCK);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(get(type));
  const clock = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return clock - at;
}

/**
 * Each UTC day's offset from UTC in a time zone, or null for a day on which
 * the offset changes. Found from the offsets at the day's first and last
 * second: the clocks of a zone change at most once a day (no zone has had
 * two changes within a day that undid each other).
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

function dayOffset(time: number, timeZone: string): number | null {
  let byDay = dayOffsets.get(timeZone);
  if (!byDay) {
    byDay = new Map();
    dayOffsets.set(timeZone, byDay);
  }
  const day = Math.floor(time / DAY_MS);
  let offset = byDay.get(day);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS, timeZone);
    offset = first === offsetAt((day + 1) * DAY_MS - 1000, timeZone) ? first : null;
    byDay.set(day, offset);
  }
  return offset;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * Calendar date of an instant in the newsroom's time zone, zero-padded.
 * The zone's clock is read once per UTC day (twice: its first and last
 * second) instead of once per instant: a 10,000-article build asks for
 * about 10,000 instants on 1,500 days, and `formatToParts` for each took
 * 0.15 s of every publish. On a day the clocks change, each instant is
 * read as before.
 */
export function zonedDateParts(
  date: Date,
  timeZone: string = SITE.timeZone,
): Readonly<{ year: string; month: string; day: string }> {
  let byTime = zonedDates.get(timeZone);
  if (!byTime) {
    byTime = new Map();
    zonedDates.set(timeZone, byTime);
  }
  const time = date.getTime();
  let parts = byTime.get(time);
  if (!parts) {
    const offset = dayOffset(time, timeZone);
    const local = offset === null ? undefined : new Date(time + offset);
    if (local !== undefined && local.getUTCFullYear() >= 1000 && local.getUTCFullYear() <= 9999) {
      parts = Object.freeze({
        year: String(local.getUTCFullYear()),
        month: twoDigits(local.getUTCMonth() + 1),
        day: twoDigits(local.getUTCDate()),
      });
    } else {
      const get = clockParts(date, timeZone, ZERO_PADDED_DATE);
      parts = Object.freeze({ year: get('year'), month: get('month'), day: get('day') });
    }
    byTime.set(time, parts);
  }
  return parts;
}

/**
 * Dates already written, by format, edition and time zone: a listing page
 * shows a dozen stories' dates and a build shows each story's date on many
 * pages, so each instant is formatted once per build (the formatter is
 * found by a short key, not by the options' JSON).
 */
const written = new Map<string, { format: Intl.DateTimeFormat; byTime: Map<number, string> }>();

function writeDate(
  kind: string,
  options: Intl.DateTimeFormatOptions,
  date: Date,
  lang: Lang,
  timeZone: string,
): string {
  const key = `${kind} ${lang} ${timeZone}`;
  let known = written.get(key);
  if (!known) {
    known = {
      format: dateFormat(SITE.editions[lang].locale, { timeZone, ...options }),
      byTime: new Map(),
    };
    written.set(key, known);
  }
  const time = date.getTime();
  let text = known.byTime.get(time);
  if (text === undefined) {
    text = known.format.format(date);
    known.byTime.set(time, text);
  }
  return text;
}

const DATE_TIME = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
} as const;

const SHORT_DATE = { year: 'numeric', month: 'short', day: 'numeric' } as const;

/** "12 de noviembre de 2024, 10:30 CST" / "November 12, 2024, 10:30 AM CST". */
export function formatDateTime(date: Date, lang: Lang, timeZone: string = SITE.timeZone): string {
  return writeDate('dateTime', DATE_TIME, date, lang, timeZone);
}

/** "12 nov 2024" / "Nov 12, 2024": compact, for cards. */
export function formatShortDate(date: Date, lang: Lang, timeZone: string = SITE.timeZone): string {
  return writeDate('short', SHORT_DATE, date, lang, timeZone);
}

/** "noviembre de 2026" / "November 2026", for archive pages. */
export function formatMonth(year: string, month: string, lang: Lang): string {
  // Midday UTC on the 15th is the same month in every time zone.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, 15, 12));
  const text = dateFormat(SITE.editions[lang].locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(date);
  return text.charAt(0).toLocaleUpperCase(SITE.editions[lang].locale) + text.slice(1);
}

const ISO_CLOCK = {
  ...ZERO_PADDED_DATE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
} as const;

/** `+05:45`, `-03:30`, `+00:00`: an offset of whole minutes as ISO 8601 writes it. */
function offsetText(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${offsetMs < 0 ? '-' : '+'}${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`;
}

/**
 * ISO 8601 in the newsroom's local time with its UTC offset
 * (`2024-11-12T10:30:00-06:00`), as Open Graph, sitemaps and structured
 * data expect: the offset says which time zone the story was dated in.
 * Made from the day's offset (as zonedDateParts is) where the zone keeps
 * one offset of whole minutes all day: `formatToParts` for each instant
 * was the largest date cost of the pages (every article page and feed
 * writes several). Elsewhere (the day the clocks change, offsets with
 * seconds in them, years outside 1000-9999) the clock is read from `Intl`.
 */
export function isoWithOffset(date: Date, timeZone: string = SITE.timeZone): string {
  const time = date.getTime();
  const offset = Number.isFinite(time) ? dayOffset(time, timeZone) : null;
  if (offset !== null && offset % 60_000 === 0) {
    const local = new Date(time + offset);
    const year = local.getUTCFullYear();
    if (year >= 1000 && year <= 9999) {
      return (
        `${year}-${twoDigits(local.getUTCMonth() + 1)}-${twoDigits(local.getUTCDate())}` +
        `T${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}:${twoDigits(local.getUTCSeconds())}` +
        offsetText(offset)
      );
    }
  }
  const get = clockParts(date, timeZone, ISO_CLOCK);
  const zone = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${zone}`;
}
