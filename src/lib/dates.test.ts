import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatMonth,
  formatShortDate,
  isoWithOffset,
  zonedDateParts,
} from './dates';

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
