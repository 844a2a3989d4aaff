/**
 * A zip archive streamed to a writable with yazl: entries one after the other, each either a
 * small text or a generator of text opened only when its turn comes. yazl pipes every entry
 * through native deflate into its output stream, and that stream is piped to the output, so
 * back-pressure holds end to end: while the output is full no more text is asked of the
 * current generator.
 */
import { Readable, type Writable } from 'node:stream';
import { ZipFile } from 'yazl';

/** One entry of the archive: a text, or a function opening a generator of its text. */
export interface ZipEntry {
  path: string;
  content: string | (() => AsyncIterable<string>);
}

/**
 * Writes `entries` as a zip archive to `output` and resolves once the output has finished
 * (it is ended). Rejects if a generator throws (the output is then left to the caller, who
 * may report the error on it) or if the output closes or fails before the end; either way the
 * open generator is returned, so that what it reads from (a store cursor) is released.
 */
export function writeZip(entries: readonly ZipEntry[], output: Writable, mtime = new Date()): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const zip = new ZipFile();
    const zipped = zip.outputStream as Readable;
    const sources = new Set<Readable>();
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      output.off('finish', finished);
      output.off('close', closed);
      output.off('error', settle);
      if (!error) return resolve();
      zipped.unpipe(output);
      for (const source of sources) source.destroy();
      zipped.destroy();
      reject(error);
    };
    const finished = () => settle();
    const closed = () => settle(new Error('the export output was closed before the end'));
    output.once('finish', finished);
    output.once('close', closed);
    output.on('error', settle);
    // yazl reports its own failures on the ZipFile; late writes after a failure land on
    // `zipped`, destroyed by then: both are settled here, once.
    zip.on('error', settle);
    zipped.on('error', settle);
    for (const { path, content } of entries) {
      if (typeof content === 'string') {
        zip.addBuffer(Buffer.from(content, 'utf8'), path, { mtime });
        continue;
      }
      zip.addReadStreamLazy(path, { mtime }, (open) => {
        // After a failure the archive is abandoned: the next generator is never opened.
        if (settled) return;
        let source: Readable;
        try {
          source = Readable.from(content(), { objectMode: false });
        } catch (error) {
          // Thrown inside yazl's pump: settled here rather than left to crash the process.
          return settle(error instanceof Error ? error : new Error(String(error)));
        }
        sources.add(source);
        source.on('error', settle);
        source.once('end', () => sources.delete(source));
        open(null, source);
      });
    }
    zip.end();
    zipped.pipe(output);
  });
}
