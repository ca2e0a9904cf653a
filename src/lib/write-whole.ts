import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes `data` to `file` whole: beside its place, then renamed over it, so
 * a reader (another page of the build, another build, a parallel test
 * worker) finds the previous file or the new one, never half of one. The
 * staged name carries the process id; a process writes a file once at a
 * time (its callers make sure of it).
 */
export async function writeFileWhole(file: string, data: Uint8Array | string): Promise<void> {
  const staged = `${file}.${process.pid}.next`;
  await writeFile(staged, data);
  await rename(staged, file);
}
