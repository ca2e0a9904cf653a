import { validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Issue 15, item 7: the CI workflow is checked against the published JSON
// schema for GitHub workflows (SchemaStore's github-workflow.json, bundled
// in @action-validator/core; no network at test time), then for the steps
// a publish needs, in order.

const FOLDER = join(import.meta.dirname, '..', '.github', 'workflows');
const files = readdirSync(FOLDER).filter((file) => /\.ya?ml$/.test(file));

describe('the CI workflows', () => {
  it('exist', () => {
    expect(files).toContain('publish.yml');
  });

  it.each(files)('%s is a valid GitHub Actions workflow', (file) => {
    const { errors } = validateWorkflow(readFileSync(join(FOLDER, file), 'utf8'));
    expect(errors).toEqual([]);
  });

  it('the validator refuses a workflow with a misspelt key', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: x\n';
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });
});

describe('publish.yml', () => {
  const workflow = parse(readFileSync(join(FOLDER, 'publish.yml'), 'utf8')) as {
    jobs: Record<
      string,
      {
        steps: {
          name?: string;
          uses?: string;
          run?: string;
          if?: string;
          with?: { path?: string };
        }[];
      }
    >;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const position = (test: (step: (typeof steps)[number]) => boolean) => steps.findIndex(test);

  it('restores .cache/ before the build, builds, checks content, deploys, notifies, then saves .cache/', () => {
    const restore = position((s) => s.uses?.startsWith('actions/cache/restore') === true);
    const check = position((s) => s.run === 'npm run check:content');
    const build = position((s) => s.run === 'npm run build');
    const deploys = steps.flatMap((s, i) => (s.name?.startsWith('Deploy') ? [i] : []));
    const notify = position((s) => s.run === 'npm run notify');
    const save = position((s) => s.uses?.startsWith('actions/cache/save') === true);
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(steps[restore]?.with?.path).toContain('.cache');
    expect(steps[save]?.with?.path).toContain('.cache');
    expect(restore).toBeLessThan(check);
    expect(check).toBeLessThan(build);
    expect(deploys.length).toBe(3);
    expect(Math.min(...deploys)).toBeGreaterThan(build);
    expect(notify).toBeGreaterThan(Math.max(...deploys));
    expect(save).toBeGreaterThan(notify);
    // Saved even when notify fails, so the record of pending changes is kept.
    expect(steps[save]?.if).toBe('always()');
  });
});
