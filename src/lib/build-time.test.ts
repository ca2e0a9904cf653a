import { describe, expect, it } from 'vitest';
import { getBuildTime } from './build-time';

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
