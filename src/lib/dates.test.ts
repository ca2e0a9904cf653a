import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatMonth,
  formatShortDate,
  isoWithOffset,
  zonedDateParts,
} from './dates';

/** Zones with every kind of offset and clock change. */
const zones = [
  'America/Chicago',
  'America/Sao_Paulo',
  'America/St_Johns', // -3:30
  'Asia/Kathmandu', // +5:45
  'Australia/Lord_Howe', // a half-hour summer time
  'Pacific/Apia', // skipped 30 December 2011
  'Pacific/Chatham', // +12:45
  'Africa/Casablanca', // summer time suspended each Ramadan
  'Europe/London',
  'UTC',
];

/** Every 97 minutes through 2011 and 2024 (clock changes, Apia's lost day), and a spread from 1950 to 2040, seconds included. */
function testInstants(): number[] {
  const instants: number[] = [];
  for (const year of [2011, 2024]) {
    for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 97 * 60_000) {
      instants.push(time);
    }
  }
  for (
    let time = Date.UTC(1950, 0, 1);
    time < Date.UTC(2040, 0, 1);
    time += 86_400_000 * 9.7 + 1234
  ) {
    instants.push(Math.floor(time));
  }
  return instants;
}

describe('zonedDateParts', () => {
  it.each([
    ['2024-11-12T10:30:00-06:00', { year: '2024', month: '11', day: '12' }],
    // 02:00 UTC on the 13th is still the evening of the 12th in Texas.
    ['2024-11-13T02:00:00Z', { year: '2024', month: '11', day: '12' }],
    ['2026-01-01T05:59:00Z', { year: '2025', month: '12', day: '31' }],
  ])('dates %s in the newsroom time zone', (iso, expected) => {
    expect(zonedDateParts(new Date(iso))).toEqual(expected);
  });
});

describe('zonedDateParts, read once per day of a zone', () => {
  /** The calendar date as Intl gives it for the instant itself. */
  const formats = new Map<string, Intl.DateTimeFormat>();
  const byIntl = (time: number, timeZone: string) => {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      formats.set(timeZone, format);
    }
    const parts = format.formatToParts(new Date(time));
    const get = (type: string) => parts.find((part) => part.type === type)?.value;
    return { year: get('year'), month: get('month'), day: get('day') };
  };
  it('gives the date Intl gives, around every change of the clocks and on ordinary days', () => {
    const instants = testInstants();
    for (const timeZone of zones) {
      const wrong = instants.filter(
        (time) =>
          JSON.stringify(zonedDateParts(new Date(time), timeZone)) !==
          JSON.stringify(byIntl(time, timeZone)),
      );
      expect(
        wrong.slice(0, 3).map((time) => new Date(time).toISOString()),
        timeZone,
      ).toEqual([]);
    }
  });
});

describe('formatDateTime', () => {
  const date = new Date('2024-11-12T10:30:00-06:00');

  it('writes Spanish dates with Spanish month names in Central time', () => {
    const text = formatDateTime(date, 'es');
    expect(text).toContain('12 de noviembre de 2024');
    expect(text).toMatch(/10:30/);
    expect(text).toMatch(/CST|GMT-6/);
  });

  it('writes English dates the American way in Central time', () => {
    const text = formatDateTime(date, 'en');
    expect(text).toContain('November 12, 2024');
    expect(text).toMatch(/10:30\sAM/);
    expect(text).toContain('CST');
  });

  it('gives short card dates per language', () => {
    expect(formatShortDate(date, 'en')).toBe('Nov 12, 2024');
    expect(formatShortDate(date, 'es')).toMatch(/^12 nov\.? 2024$/);
  });
});

describe('formatMonth', () => {
  it.each([
    ['2026', '11', 'es', 'Noviembre de 2026'],
    ['2026', '11', 'en', 'November 2026'],
    ['2024', '01', 'es', 'Enero de 2024'],
  ] as const)('names %s-%s in %s as "%s"', (year, month, lang, expected) => {
    expect(formatMonth(year, month, lang)).toBe(expected);
  });
});

describe('isoWithOffset', () => {
  it.each([
    ['2024-11-12T16:30:00Z', '2024-11-12T10:30:00-06:00'],
    ['2026-07-04T17:00:00Z', '2026-07-04T12:00:00-05:00'],
    ['2026-01-01T05:59:59Z', '2025-12-31T23:59:59-06:00'],
  ])('writes %s in Central time as %s', (iso, expected) => {
    expect(isoWithOffset(new Date(iso))).toBe(expected);
  });

  it('writes UTC with a zero offset', () => {
    expect(isoWithOffset(new Date('2026-07-04T17:00:00Z'), 'UTC')).toBe(
      '2026-07-04T17:00:00+00:00',
    );
  });

  it('names the same instant as the input', () => {
    const date = new Date('2026-03-08T08:30:00Z');
    expect(new Date(isoWithOffset(date)).getTime()).toBe(date.getTime());
  });
});

describe("isoWithOffset, from the day's offset", () => {
  /** The text as Intl gives it for the instant itself (what isoWithOffset wrote before). */
  const formats = new Map<string, Intl.DateTimeFormat>();
  const byIntl = (time: number, timeZone: string) => {
    let format = formats.get(timeZone);
    format ??= new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formats.set(timeZone, format);
    const parts = format.formatToParts(new Date(time));
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
  };

  it('writes what Intl writes, around every change of the clocks and on ordinary days', () => {
    // Instants with milliseconds and seconds too: the text truncates to the second.
    const instants = testInstants().map((time, index) => (index % 2 === 0 ? time : time + 59_999));
    for (const timeZone of zones) {
      const wrong = instants.filter(
        (time) => isoWithOffset(new Date(time), timeZone) !== byIntl(time, timeZone),
      );
      expect(
        wrong
          .slice(0, 3)
          .map(
            (time) =>
              `${new Date(time).toISOString()} ${isoWithOffset(new Date(time), timeZone)} ${byIntl(time, timeZone)}`,
          ),
        timeZone,
      ).toEqual([]);
    }
  });

  it('writes offsets with seconds (local mean time) as Intl does', () => {
    // Chicago kept its local mean time (-5:50:36) until 18 November 1883.
    const time = Date.UTC(1883, 0, 1, 12);
    expect(isoWithOffset(new Date(time), 'America/Chicago')).toBe(byIntl(time, 'America/Chicago'));
  });

  it('refuses an invalid date as Intl does', () => {
    expect(() => isoWithOffset(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatDateTime and formatShortDate, each instant written once', () => {
  it('write what a fresh Intl formatter writes, for every edition, again and again', () => {
    const instants = testInstants().filter((_, index) => index % 7 === 0);
    for (const lang of ['es', 'en'] as const) {
      const locale = lang === 'es' ? 'es-US' : 'en-US';
      for (const timeZone of ['America/Chicago', 'Asia/Kathmandu']) {
        const long = new Intl.DateTimeFormat(locale, {
          timeZone,
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
        });
        const short = new Intl.DateTimeFormat(locale, {
          timeZone,
          year: 'numeric',
          month: 'short',
          day: 'numeric',
        });
        for (const round of [1, 2]) {
          for (const time of instants) {
            const date = new Date(time);
            expect(formatDateTime(date, lang, timeZone), `${round} ${timeZone}`).toBe(
              long.format(date),
            );
            expect(formatShortDate(date, lang, timeZone), `${round} ${timeZone}`).toBe(
              short.format(date),
            );
          }
        }
      }
    }
  });
});
