/**
 * The outputs of a CLI command run in-process (`run(argv, io)`), kept in memory so a test reads
 * what it printed.
 */
export function memoryIo(env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; } }, env },
    out: () => out,
    err: () => err,
  };
}
