import { describe, expect, it } from 'vitest';
import { entryIdOf, folderProblems } from './file-rules';

describe('entryIdOf', () => {
  it.each([
    ['2026/story.md', '2026/story'],
    ['2026/Dup-Case.md', '2026/dup-case'],
    ['Jane Doe.yaml', 'jane-doe'],
    ['2026/index.md', '2026'],
    ['🔥.yaml', ''],
  ])('gives %s the id %j, as Astro’s glob loader does', (path, id) => {
    expect(entryIdOf(path)).toBe(id);
  });
});

describe('folderProblems', () => {
  const folder = 'content/articles';

  it('passes articles and the photos beside them', () => {
    expect(
      folderProblems(folder, ['2026/a.md', '2026/a.jpg', '2026/b.md', '2026/notes.txt'], '.md'),
    ).toEqual([]);
  });

  it('refuses two files whose names differ only in case, naming both', () => {
    const problems = folderProblems(folder, ['2026/dup-case.md', '2026/Dup-Case.md'], '.md');
    expect(problems.map((p) => p.file).sort()).toEqual([
      'content/articles/2026/Dup-Case.md',
      'content/articles/2026/dup-case.md',
    ]);
    expect(problems[0]?.problem).toContain('same id "2026/dup-case"');
  });

  it('refuses files that map to one id through punctuation', () => {
    expect(folderProblems(folder, ['2026/a-b.md', '2026/A B.md'], '.md')).toHaveLength(2);
  });

  it.each([
    ['2026/story.MD', 'rename it to 2026/story.md'],
    ['2026/story.markdown', 'rename it to 2026/story.md'],
    ['2026/story.mdx', 'rename it to 2026/story.md'],
    ['2026/story.Md', 'rename it to 2026/story.md'],
  ])('refuses %s, which the loader would skip', (path, problem) => {
    expect(folderProblems(folder, [path], '.md')).toEqual([
      { file: `${folder}/${path}`, field: 'file name', problem: expect.stringContaining(problem) },
    ]);
  });

  it('refuses an author file the loader would skip or could not give an id', () => {
    expect(
      folderProblems('content/authors', ['ana.yml', '🔥.yaml', 'ok.yaml'], '.yaml').map((p) => [
        p.file,
        p.problem.slice(0, 30),
      ]),
    ).toEqual([
      ['content/authors/ana.yml', 'only .yaml files are read, so '],
      ['content/authors/🔥.yaml', 'gives the id "", which cannot '],
    ]);
  });
});
