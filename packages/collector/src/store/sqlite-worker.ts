/**
 * The SQLite thread: owns the connection, takes batches of requests from the main thread and
 * answers them in batches. See `sqlite.ts` for why SQLite runs here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteConnection } from './sqlite-connection.js';
import type { SqliteReply, SqliteRequest } from './sqlite-protocol.js';

const port = parentPort!;
let connection: SqliteConnection | null = null;
let openError: unknown = null;
try {
  const { file } = workerData as { file: string };
  connection = new SqliteConnection(file);
} catch (e) {
  openError = e;
}

// Replies made in one turn go back as one message (a group commit resolves many at once).
let outgoing: SqliteReply[] = [];
function reply(r: SqliteReply): void {
  if (outgoing.length === 0) {
    queueMicrotask(() => {
      const batch = outgoing;
      outgoing = [];
      port.postMessage(batch);
    });
  }
  outgoing.push(r);
}

function failure(id: number, e: unknown): SqliteReply {
  const error = e as { name?: string; message?: string; code?: string };
  return { id, ok: false, error: { name: String(error?.name ?? 'Error'), message: String(error?.message ?? e), code: error?.code } };
}

function handle(request: SqliteRequest): void {
  const { id } = request;
  if (!connection) {
    // Nothing to close; everything else says why the file could not be opened.
    reply(request.op === 'close' ? { id, ok: true, result: null } : failure(id, openError));
    return;
  }
  try {
    switch (request.op) {
      case 'query':
        reply({ id, ok: true, result: connection.query(request.sql, request.params) });
        return;
      case 'run':
        connection.run(request.sql, request.params).then(
          (changes) => reply({ id, ok: true, result: changes }),
          (e: unknown) => reply(failure(id, e)),
        );
        return;
      case 'transaction':
        reply({ id, ok: true, result: connection.transaction(request.steps) });
        return;
      case 'snapshot':
        reply({ id, ok: true, result: connection.snapshot(id, request.sql, request.params, request.batch) });
        return;
      case 'snapshot-next':
        reply({ id, ok: true, result: connection.snapshotNext(request.snapshot) });
        return;
      case 'snapshot-close':
        connection.snapshotClose(request.snapshot);
        reply({ id, ok: true, result: null });
        return;
      case 'scrub':
        connection.scrub();
        reply({ id, ok: true, result: null });
        return;
      case 'exec':
        connection.exec(request.sql);
        reply({ id, ok: true, result: null });
        return;
      case 'close':
        connection.close();
        reply({ id, ok: true, result: null });
        return;
    }
  } catch (e) {
    reply(failure(id, e));
  }
}

port.on('message', (batch: SqliteRequest[]) => {
  for (const request of batch) handle(request);
});
