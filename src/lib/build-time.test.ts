import { describe, expect, it } from 'vitest';
import { getBuildTime, getPageSize } from './build-time';

describe('getBuildTime', () => {
  it('uses the current time when BUILD_TIME is not set', () => {
    const before = Date.now();
    const now = getBuildTime({}).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('honours BUILD_TIME with an offset', () => {
    expect(getBuildTime({ BUILD_TIME: '2026-11-28T12:00:00-06:00' }).toISOString()).toBe(
      '2026-11-28T18:00:00.000Z',
    );
  });

  it.each(['yesterday', '2026-11-28T12:00:00', '2026-13-40T12:00:00Z'])(
    'rejects BUILD_TIME=%s with a message naming the variable',
    (value) => {
      expect(() => getBuildTime({ BUILD_TIME: value })).toThrow(/BUILD_TIME/);
    },
  );
});

describe('getPageSize', () => {
  it('uses the configured size when PAGE_SIZE is not set', () => {
    expect(getPageSize(12, {})).toBe(12);
  });

  it('honours PAGE_SIZE', () => {
    expect(getPageSize(12, { PAGE_SIZE: '2' })).toBe(2);
  });

  it.each(['0', '-3', '2.5', 'ten'])('rejects PAGE_SIZE=%s', (value) => {
    expect(() => getPageSize(12, { PAGE_SIZE: value })).toThrow(/PAGE_SIZE/);
  });
});
