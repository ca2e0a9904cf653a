import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { DIST } from './fixtures';

// The Nu Html Checker (the W3C validator) over every page of the build,
// run with the machine's Java from the vnu-jar package.
test('every HTML page in dist/ is valid HTML', () => {
  test.setTimeout(180_000);
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const result = spawnSync(
    'java',
    ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', DIST],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(result.error, 'java must be installed to run the Nu Html Checker').toBeUndefined();
  const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as {
    messages: { type: string; url?: string; message: string; lastLine?: number }[];
  };
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map(
      (m) => `${(m.url ?? '').replace(/^file:.*?\/dist\//, '')}:${m.lastLine ?? ''} ${m.message}`,
    );
  expect(errors).toEqual([]);
});
