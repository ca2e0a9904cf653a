import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distChanges } from './dist-changes.ts';

const SCRIPT = join(import.meta.dirname, 'dist-unchanged.mjs');

describe('distChanges', () => {
  const digest = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it.each([
    ['the same files', digest({ a: '1', b: '2' }), digest({ b: '2', a: '1' }), []],
    [
      'a modified file',
      digest({ a: '1' }),
      digest({ a: '9' }),
      [{ file: 'a', change: 'modified' }],
    ],
    [
      'an added file',
      digest({ a: '1' }),
      digest({ a: '1', b: '2' }),
      [{ file: 'b', change: 'added' }],
    ],
    [
      'a removed file',
      digest({ a: '1', b: '2' }),
      digest({ a: '1' }),
      [{ file: 'b', change: 'removed' }],
    ],
    ['a folder that appeared', undefined, digest({ a: '1' }), [{ file: 'a', change: 'added' }]],
    ['a folder that vanished', digest({ a: '1' }), undefined, [{ file: 'a', change: 'removed' }]],
    ['no folder either time', undefined, undefined, []],
  ])('reports %s', (_, before, after, expected) => {
    expect(distChanges(before, after)).toEqual(expected);
  });
});

describe('scripts/dist-unchanged.mjs', () => {
  let project: string;
  const run = (command: string) =>
    spawnSync(process.execPath, [SCRIPT, command], { cwd: project, encoding: 'utf8' });
  const put = (path: string, text: string) => {
    mkdirSync(join(project, 'dist', path, '..'), { recursive: true });
    writeFileSync(join(project, 'dist', path), text);
  };

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'voz-dist-unchanged-'));
    put('en/index.html', '<p>front</p>');
    put('en/2026/11/20/story/index.html', '<p>story</p>');
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('passes when dist/ is untouched', () => {
    expect(run('record').status).toBe(0);
    const verify = run('verify');
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('byte for byte as it was');
  });

  it('fails and lists every file a test run changed, added or removed', () => {
    expect(run('record').status).toBe(0);
    put('en/index.html', '<p>front, one story per page</p>');
    put('en/page/2/index.html', '<p>page 2</p>');
    rmSync(join(project, 'dist/en/2026/11/20/story/index.html'));
    const verify = run('verify');
    expect(verify.status).toBe(1);
    expect(verify.stderr).toContain('the tests changed dist/ (3 file(s))');
    expect(verify.stderr).toContain('modified: en/index.html');
    expect(verify.stderr).toContain('added: en/page/2/index.html');
    expect(verify.stderr).toContain('removed: en/2026/11/20/story/index.html');
  });

  it('fails when the tests created a dist/ that was not there', () => {
    rmSync(join(project, 'dist'), { recursive: true });
    expect(run('record').status).toBe(0);
    put('en/index.html', '<p>test build</p>');
    expect(run('verify').status).toBe(1);
  });

  it('refuses to verify without a record', () => {
    expect(run('verify').status).toBe(2);
  });
});
