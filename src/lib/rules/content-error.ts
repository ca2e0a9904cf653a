/**
 * How every content rule reports: a problem names the file (relative to the
 * project root), the field (`hero.image`, `authors[1]`, `body`) and what is
 * wrong, and prints as `file: field: problem`. The content check
 * (`npm run check:content`) and the build call the same rules.
 */

/** One thing wrong in one field of one content file. */
export interface ContentProblem {
  file: string;
  field: string;
  problem: string;
}

/** `file: field: problem`, the form every message takes. */
export function formatProblem({ file, field, problem }: ContentProblem): string {
  return `${file}: ${field}: ${problem}`;
}

/** A problem in a content file, reported with the file and the field. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(formatProblem({ file, field, problem }));
    this.name = 'ContentError';
  }
}

/**
 * Stops the build when any rule found a problem, listing every one (one per
 * line) so an editor fixes them all in one pass; the first names the error.
 */
export function throwProblems(problems: readonly ContentProblem[]): void {
  const [first, ...rest] = problems;
  if (first === undefined) return;
  const error = new ContentError(first.file, first.field, first.problem);
  if (rest.length > 0) {
    error.message = [error.message, ...rest.map(formatProblem)].join('\n');
  }
  throw error;
}
