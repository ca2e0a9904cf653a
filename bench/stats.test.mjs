import { describe, expect, it } from 'vitest';
import { median, medianRun } from './stats.mjs';

const run = (wallS, phases = `phases of ${wallS}`) => ({
  wallS,
  cpuS: wallS + 1,
  peakRssMb: 900,
  treeRssMb: 1200,
  load1m: 2,
  phases,
});

describe('medianRun: the bench reports the median of repeated rebuilds', () => {
  it('gives the single run as it is', () => {
    expect(medianRun([run(7.5)])).toEqual(run(7.5));
  });

  it('gives the run of median wall time, with its own phases, and keeps every run', () => {
    const chosen = medianRun([run(9.1), run(7.4), run(8.2)]);
    expect(chosen.wallS).toBe(8.2);
    expect(chosen.phases).toBe('phases of 8.2');
    expect(chosen.repeats.map((r) => r.wallS)).toEqual([9.1, 7.4, 8.2]);
  });

  it('takes the lower of the two middle runs of an even count: a run that happened', () => {
    expect(medianRun([run(6), run(9), run(7), run(8)]).wallS).toBe(7);
  });

  it('agrees with the median of the wall times for an odd count', () => {
    const walls = [5.9, 6.3, 6.1, 7.7, 6.0];
    expect(medianRun(walls.map((w) => run(w))).wallS).toBe(median(walls));
  });
});
