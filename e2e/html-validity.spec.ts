import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, distFiles } from './fixtures';

// The Nu Html Checker (the W3C validator) over every page of the build, run
// with the machine's Java from the vnu-jar package. A checker that did not
// run, or ran and checked nothing, must fail this test rather than pass it:
// the checker exits 0 with no messages for a folder that does not exist, so
// the run includes a page with one known error (a control) that must be the
// only thing reported.

interface CheckerMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
}

/** The control page: valid except for one stray end tag. */
const CONTROL = `<!doctype html><html lang="en"><head><title>control</title></head><body><p>text</span></p></body></html>`;
const CONTROL_ERROR = /stray end tag.*span/i;

test('every HTML page in the test build is valid HTML', () => {
  test.setTimeout(180_000);
  const pages = distFiles().filter((file) => file.endsWith('.html'));
  expect(pages.length, `HTML pages in ${DIST}`).toBeGreaterThan(20);

  const controlDir = mkdtempSync(join(tmpdir(), 'voz-vnu-control-'));
  const control = join(controlDir, 'control.html');
  writeFileSync(control, CONTROL);
  try {
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    const result = spawnSync(
      'java',
      ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', DIST, control],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(result.error, 'java must be installed to run the Nu Html Checker').toBeUndefined();
    const output = (result.stderr || result.stdout || '').trim();
    let report: { messages?: CheckerMessage[] };
    try {
      report = JSON.parse(output) as { messages?: CheckerMessage[] };
    } catch {
      throw new Error(
        `The Nu Html Checker printed no JSON report (exit ${result.status}):\n${output.slice(0, 2000) || '(nothing)'}`,
      );
    }
    expect(Array.isArray(report.messages), `a report with messages: ${output.slice(0, 500)}`).toBe(
      true,
    );
    const messages = report.messages ?? [];
    const file = (m: CheckerMessage) => (m.url ? fileURLToPath(m.url) : '');

    // The control proves the checker read files and reported what it found.
    const controlErrors = messages.filter((m) => file(m) === control);
    expect(
      controlErrors.some((m) => m.type === 'error' && CONTROL_ERROR.test(m.message)),
      `the checker must report the control page's error; it printed:\n${output.slice(0, 2000)}`,
    ).toBe(true);
    // Exit 1 is for errors; the control gives one, so anything else is the checker failing.
    expect(result.status, `the checker's exit status; stdout: ${result.stdout.slice(0, 500)}`).toBe(
      1,
    );

    const errors = messages
      .filter((m) => file(m) !== control)
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map(
        (m) => `${m.url ? relative(DIST, file(m)) : '(no file)'}:${m.lastLine ?? ''} ${m.message}`,
      );
    expect(errors).toEqual([]);
  } finally {
    rmSync(controlDir, { recursive: true, force: true });
  }
});
