// How the benchmarks measure a build and record it (bench/run.mjs, bench/starter.mjs):
// GNU time's user+system CPU and largest single-process peak RSS of the
// build's process tree, or /proc when GNU time is missing, and the tree's
// summed RSS polled every SAMPLE_MS.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

/** How often the process tree's memory is polled, in milliseconds. */
export const SAMPLE_MS = 200;

/**
 * GNU time (`/usr/bin/time -v`) reports, for the whole process tree of the
 * build, user+system CPU and the largest maximum resident set size of any
 * one process in it (getrusage RUSAGE_CHILDREN). Without it, CPU comes from
 * this process's cutime+cstime in /proc/self/stat (the same tree: every
 * process is waited for by its parent) and peak memory from polling VmHWM in
 * /proc/<pid>/status of the tree's processes.
 */
function detectMethod() {
  if (existsSync('/usr/bin/time')) {
    const probe = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /Maximum resident set size/.test(probe.stderr)) return 'gnu-time';
  }
  return 'proc';
}
/** 'gnu-time' when /usr/bin/time -v works here, else 'proc'. */
export const METHOD = detectMethod();
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU seconds used so far by this process's waited-for children (and theirs). */
export function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLK_TCK; // cutime, cstime
  } catch {
    return NaN;
  }
}

/** Every process whose ancestry leads to `root`, found by scanning /proc. */
function processTree(root) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

function statusKb(pid, field) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    );
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Polls the build's process tree every SAMPLE_MS: the largest sum of VmRSS
 * (all processes at once, as the machine sees it) and the largest VmHWM of a
 * single process. Short-lived processes between two samples are missed.
 */
export function treeSampler(root) {
  let treeRssKb = 0;
  let hwmKb = 0;
  const sample = () => {
    let sum = 0;
    for (const pid of processTree(root)) {
      sum += statusKb(pid, 'VmRSS');
      hwmKb = Math.max(hwmKb, statusKb(pid, 'VmHWM'));
    }
    treeRssKb = Math.max(treeRssKb, sum);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return { treeRssMb: treeRssKb / 1024, hwmMb: hwmKb / 1024 };
    },
  };
}

/** CPU seconds and peak RSS (MB) from the report of `/usr/bin/time -v`. */
export function parseGnuTime(text) {
  const num = (label) => {
    const match = text.match(new RegExp(`${label}:\\s*([\\d.]+)`));
    return match ? Number(match[1]) : NaN;
  };
  return {
    cpuS: num('User time \\(seconds\\)') + num('System time \\(seconds\\)'),
    peakRssMb: num('Maximum resident set size \\(kbytes\\)') / 1024,
  };
}

/** The commit the benchmark ran at, and whether the working tree had changes. */
export function gitDescribe(root) {
  const run = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    commit: run('rev-parse', '--short', 'HEAD'),
    dirty: run('status', '--porcelain') !== '',
  };
}

/** Prettier, when the project has it, so a results file passes `npm run lint`. */
export async function formatJson(text, file) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

/**
 * Runs `command` in `dir` and measures it as a whole: wall time, CPU and
 * peak RSS of its process tree (METHOD), the tree's summed RSS, the load
 * average at its start. Its output goes to `dir/<prefix>-<label>.log`.
 * `onChild` is told of the running process (and of its end, with
 * undefined), so a caller can stop it when interrupted.
 * @param {{ dir: string, label: string, prefix: string, command: string[], env: Record<string, string | undefined>, onChild?: (child: import('node:child_process').ChildProcess | undefined) => void }} options
 */
export async function timedRun({ dir, label, prefix, command, env, onChild }) {
  const timeFile = join(dir, `${prefix}-${label}.time`);
  const logFile = join(dir, `${prefix}-${label}.log`);
  const [program, ...programArgs] =
    METHOD === 'gnu-time' ? ['/usr/bin/time', '-v', '-o', timeFile, ...command] : command;
  const load1m = loadavg()[0];
  const cpuBefore = childrenCpuSeconds();
  const out = createWriteStream(logFile);
  const started = performance.now();
  const spawnMs = performance.timeOrigin + started;
  const child = spawn(program, programArgs, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env });
  onChild?.(child);
  const sampler = treeSampler(child.pid);
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const code = await new Promise((done) => child.on('close', (status) => done(status ?? 1)));
  const exitMs = performance.timeOrigin + performance.now();
  const wallS = (performance.now() - started) / 1000;
  const sampled = sampler.stop();
  onChild?.(undefined);
  await new Promise((done) => out.end(done));
  let cpuS = childrenCpuSeconds() - cpuBefore;
  let peakRssMb = sampled.hwmMb;
  if (code === 0 && METHOD === 'gnu-time') {
    ({ cpuS, peakRssMb } = parseGnuTime(readFileSync(timeFile, 'utf8')));
  }
  return {
    code,
    logFile,
    spawnMs,
    exitMs,
    wallS,
    cpuS,
    peakRssMb,
    treeRssMb: sampled.treeRssMb,
    load1m,
  };
}
