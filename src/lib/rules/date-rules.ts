import type { ContentProblem } from './content-error';

/**
 * Dates are typed by hand, so they are read strictly: a day that does not
 * exist in its month (2026-02-30), a month 13, an hour 24 or an offset
 * beyond ±14:00 stops the build instead of being rolled over into another
 * date. YAML reads an unquoted timestamp into a Date before the schema sees
 * it (rolling 2026-13-01 over into 2027-01-01, and reading an offset-less
 * time as UTC), so these rules read the raw frontmatter text.
 */

/** Fields that hold timestamps and must carry a UTC offset (`date` is a correction's or a live update's). */
export const TIMESTAMP_FIELDS = ['publishedAt', 'updatedAt', 'date', 'coverageEndedAt'];

/** `2024-11-12T10:30:00-06:00`: date, `T` or space, time with optional seconds and fraction, offset. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** The most a real UTC offset can be (UTC+14:00, Line Islands; UTC−12:00 is the least). */
const MAX_OFFSET_MINUTES = 14 * 60;

const EXAMPLE = 'write it as ISO 8601 with an offset, for example 2024-11-12T10:30:00-06:00';

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a timestamp strictly: returns the instant, or why it is not one.
 * Accepts `Z` or `±hh:mm` (`±hhmm`) offsets; rejects impossible calendar
 * days, months, hours, minutes, seconds and offsets.
 */
export function parseTimestamp(value: string): { date: Date } | { problem: string } {
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return { problem: `"${value}" is not a timestamp; ${EXAMPLE}` };
  const [, y, mo, d, h, mi, s = '0', fraction = '', zulu, sign, oh, om] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!zulu && !sign) return { problem: `"${value}" has no UTC offset; ${EXAMPLE}` };
  if (month < 1 || month > 12) return { problem: `"${value}" has no month ${mo}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { problem: `"${value}": ${y}-${mo} has no day ${d}` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { problem: `"${value}" is not a time of day (hours 00–23, minutes and seconds 00–59)` };
  }
  let offset = 0;
  if (sign) {
    const offsetHours = Number(oh);
    const offsetMinutes = Number(om);
    offset = (offsetHours * 60 + offsetMinutes) * (sign === '-' ? -1 : 1);
    if (offsetMinutes > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) {
      return {
        problem: `"${value}" has the offset ${sign}${oh}:${om}; real offsets lie between -12:00 and +14:00`,
      };
    }
  }
  const milliseconds = fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset * 60_000;
  const date = new Date(utc);
  // Years 0000–0099 and beyond 9999 cannot be written with this pattern; Date.UTC maps 00xx to 19xx.
  if (year < 100) return { problem: `"${value}" is not a plausible year` };
  return { date };
}

/**
 * Problems in the timestamp fields of raw frontmatter text: missing offsets
 * and impossible dates. Fields are matched at any depth, in mappings and
 * list items (`- date: …`); an item of a list is named after the list
 * (`corrections[i].date`, `updates[i].date`).
 */
export function frontmatterDateProblems(
  file: string,
  frontmatter: string,
  fields: readonly string[] = TIMESTAMP_FIELDS,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let listIndex = -1;
  let list = '';
  for (const line of frontmatter.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      listIndex = -1;
      list = /^([A-Za-z_]\w*):/.exec(line)?.[1] ?? '';
    }
    const match = /^\s*(-\s+)?([A-Za-z_]\w*):\s*(.*?)\s*(#.*)?$/.exec(line);
    if (match?.[1]) listIndex += 1;
    if (!match?.[2] || !fields.includes(match[2])) continue;
    const value = (match[3] ?? '').replace(/^(['"])(.*)\1$/, '$2');
    if (value === '') continue;
    const parsed = parseTimestamp(value);
    if ('problem' in parsed) {
      const nested = /^\s/.test(line) && listIndex >= 0;
      const field = nested ? `${list}[${listIndex}].${match[2]}` : match[2];
      problems.push({ file, field, problem: parsed.problem });
    }
  }
  return problems;
}

/** A Markdown file's frontmatter block (group 1), with its fences and the line end after them. */
const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The frontmatter block of a Markdown file, or '' when there is none. */
export function frontmatterOf(source: string): string {
  return FRONTMATTER.exec(source)?.[1] ?? '';
}

/** A Markdown file's text after its frontmatter, and the file line it starts on. */
export function bodyOf(source: string): { body: string; firstLine: number } {
  const match = FRONTMATTER.exec(source);
  if (!match) return { body: source, firstLine: 1 };
  const firstLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { body: source.slice(match[0].length), firstLine };
}
