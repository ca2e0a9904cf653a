import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Nu Html Checker (the W3C validator), run with the machine's Java from
// the vnu-jar package. A checker that did not run, or ran and checked
// nothing, must make the caller fail rather than pass: the checker exits 0
// with no messages for a folder that does not exist, so every run includes a
// page with one known error (a control) that must be reported.

interface CheckerMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
}

/** The control page: valid except for one stray end tag. */
const CONTROL = `<!doctype html><html lang="en"><head><title>control</title></head><body><p>text</span></p></body></html>`;
const CONTROL_ERROR = /stray end tag.*span/i;

/**
 * Every error the checker finds in the HTML files under `folder`, as
 * `path:line message` (paths relative to the folder). Throws when the
 * checker could not be run or did not report the control page's error.
 */
export function htmlErrors(folder: string): string[] {
  const controlDir = mkdtempSync(join(tmpdir(), 'voz-vnu-control-'));
  const control = join(controlDir, 'control.html');
  writeFileSync(control, CONTROL);
  try {
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    const result = spawnSync(
      'java',
      ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', folder, control],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.error) {
      throw new Error(`java must be installed to run the Nu Html Checker: ${result.error.message}`);
    }
    const output = (result.stderr || result.stdout || '').trim();
    let report: { messages?: CheckerMessage[] };
    try {
      report = JSON.parse(output) as { messages?: CheckerMessage[] };
    } catch {
      throw new Error(
        `The Nu Html Checker printed no JSON report (exit ${result.status}):\n${output.slice(0, 2000) || '(nothing)'}`,
      );
    }
    if (!Array.isArray(report.messages)) {
      throw new Error(`The Nu Html Checker's report has no messages: ${output.slice(0, 500)}`);
    }
    const messages = report.messages;
    const file = (m: CheckerMessage) => (m.url ? fileURLToPath(m.url) : '');
    // The control proves the checker read files and reported what it found.
    const sawControl = messages.some(
      (m) => file(m) === control && m.type === 'error' && CONTROL_ERROR.test(m.message),
    );
    if (!sawControl) {
      throw new Error(
        `The Nu Html Checker did not report the control page's error; it printed:\n${output.slice(0, 2000)}`,
      );
    }
    // Exit 1 is for errors; the control gives one, so anything else is the checker failing.
    if (result.status !== 1) {
      throw new Error(
        `The Nu Html Checker exited ${result.status}, not 1; stdout: ${result.stdout.slice(0, 500)}`,
      );
    }
    return messages
      .filter((m) => file(m) !== control)
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map(
        (m) =>
          `${m.url ? relative(folder, file(m)) : '(no file)'}:${m.lastLine ?? ''} ${m.message}`,
      );
  } finally {
    rmSync(controlDir, { recursive: true, force: true });
  }
}
