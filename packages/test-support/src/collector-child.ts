/**
 * Spawns `collector-child-main.ts` with tsx so a test can kill a real collector process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

/** `--import` value that loads tsx from wherever the child's working directory is. */
export const TSX_IMPORT = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** The tsconfig that maps @olva/* to the sources for tsx. */
export const CHILD_TSCONFIG = path.join(here, 'tsconfig.child.json');

export interface ChildCollector {
  url: string;
  process: ChildProcess;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a collector process on a configuration file; resolves once it listens. */
export function startChildCollector(configFile: string): Promise<ChildCollector> {
  const child = spawn(process.execPath, ['--import', TSX_IMPORT, path.join(here, 'collector-child-main.ts'), configFile], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: CHILD_TSCONFIG, OLVA_PORT: '', OLVA_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-4000); });
  // A test worker that dies must not leave a server behind.
  const onExit = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
  process.on('exit', onExit);
  const exited = new Promise<void>((r) => child.once('exit', () => { process.off('exit', onExit); r(); }));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`collector child did not start within 60 s:\n${err}`)); }, 60_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`collector child exited (${code}) before listening:\n${err}`)); });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        process: child,
        async kill() { child.kill('SIGKILL'); await exited; },
        async stop() { child.kill('SIGTERM'); await exited; },
      });
    });
  });
}
