import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rulesVersion } from './rules-version';

const root = mkdtempSync(join(tmpdir(), 'rules-version-'));
mkdirSync(join(root, 'src/lib/rules'), { recursive: true });
const write = (path: string, text: string) => writeFileSync(join(root, path), text);
write('src/lib/rules/body-rules.ts', 'export const a = 1;');
write('src/lib/rules/body-rules.test.ts', 'test');
write('src/lib/urls.ts', 'export const b = 1;');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rulesVersion', () => {
  it('changes when a rule or the tag slug changes, so stored entries are checked again', () => {
    const before = rulesVersion(root);
    expect(rulesVersion(root)).toBe(before);
    write('src/lib/rules/body-rules.ts', 'export const a = 2;');
    const afterRule = rulesVersion(root);
    expect(afterRule).not.toBe(before);
    write('src/lib/urls.ts', 'export const b = 2;');
    expect(rulesVersion(root)).not.toBe(afterRule);
  });

  it('ignores the rules’ tests', () => {
    const before = rulesVersion(root);
    write('src/lib/rules/body-rules.test.ts', 'another test');
    expect(rulesVersion(root)).toBe(before);
  });
});
