import { SITE, type Lang } from '../site';

/** Calendar date of an instant in the newsroom's time zone, zero-padded. */
export function zonedDateParts(
  date: Date,
  timeZone: string = SITE.timeZone,
): { year: string; month: string; day: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** "12 de noviembre de 2024, 10:30 CST" / "November 12, 2024, 10:30 AM CST". */
export function formatDateTime(date: Date, lang: Lang, timeZone: string = SITE.timeZone): string {
  return new Intl.DateTimeFormat(SITE.editions[lang].locale, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "12 nov 2024" / "Nov 12, 2024": compact, for cards. */
export function formatShortDate(date: Date, lang: Lang, timeZone: string = SITE.timeZone): string {
  return new Intl.DateTimeFormat(SITE.editions[lang].locale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(date);
}

/** "noviembre de 2026" / "November 2026", for archive pages. */
export function formatMonth(year: string, month: string, lang: Lang): string {
  // Midday UTC on the 15th is the same month in every time zone.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, 15, 12));
  const text = new Intl.DateTimeFormat(SITE.editions[lang].locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(date);
  return text.charAt(0).toLocaleUpperCase(SITE.editions[lang].locale) + text.slice(1);
}

/**
 * ISO 8601 in the newsroom's local time with its UTC offset
 * (`2024-11-12T10:30:00-06:00`), as Open Graph, sitemaps and structured
 * data expect: the offset says which time zone the story was dated in.
 */
export function isoWithOffset(date: Date, timeZone: string = SITE.timeZone): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}
