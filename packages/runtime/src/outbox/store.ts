/**
 * Where the outbox keeps responses until the collector has them: IndexedDB in the browser
 * (it survives reloads, crashes and closing the tab), memory elsewhere (tests, Node).
 */
import type { OutboxEntry } from '../types.js';

/** Storage of outbox entries, keyed by submissionId. */
export interface OutboxStore {
  /** Saves (or replaces) an entry; resolves once it is durably written. */
  put(entry: OutboxEntry): Promise<void>;
  /** The entry with this submissionId, or undefined. */
  get(submissionId: string): Promise<OutboxEntry | undefined>;
  /** Removes an entry (no error when absent). */
  delete(submissionId: string): Promise<void>;
  /** Every entry, for any endpoint. */
  list(): Promise<OutboxEntry[]>;
}

/** An outbox store in memory: lost on reload; for tests and for Node. */
export class MemoryOutboxStore implements OutboxStore {
  readonly #entries = new Map<string, OutboxEntry>();
  async put(entry: OutboxEntry): Promise<void> {
    this.#entries.set(entry.submissionId, structuredClone(entry));
  }
  async get(submissionId: string): Promise<OutboxEntry | undefined> {
    const entry = this.#entries.get(submissionId);
    return entry && structuredClone(entry);
  }
  async delete(submissionId: string): Promise<void> {
    this.#entries.delete(submissionId);
  }
  async list(): Promise<OutboxEntry[]> {
    return [...this.#entries.values()].map((e) => structuredClone(e));
  }
}

const STORE = 'entries';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** An outbox store in IndexedDB (database `olva-outbox` by default, one object store). */
export class IndexedDbOutboxStore implements OutboxStore {
  #db: Promise<IDBDatabase> | undefined;
  readonly #name: string;
  readonly #factory: IDBFactory | undefined;

  /**
   * @param name database name
   * @param factory the IndexedDB factory (defaults to `globalThis.indexedDB`; tests pass fake-indexeddb's)
   */
  constructor(name = 'olva-outbox', factory: IDBFactory | undefined = globalThis.indexedDB) {
    this.#name = name;
    this.#factory = factory;
  }

  /** True when the platform has IndexedDB. */
  static available(): boolean {
    return typeof globalThis.indexedDB !== 'undefined';
  }

  #open(): Promise<IDBDatabase> {
    if (!this.#db) {
      const factory = this.#factory;
      if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
      this.#db = new Promise((resolve, reject) => {
        const request = factory.open(this.#name, 1);
        request.onupgradeneeded = () => {
          if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'submissionId' });
        };
        request.onsuccess = () => {
          const db = request.result;
          // Let a newer version of the page upgrade the database instead of blocking it.
          db.onversionchange = () => {
            db.close();
            this.#db = undefined;
          };
          resolve(db);
        };
        request.onerror = () => {
          this.#db = undefined;
          reject(request.error);
        };
      });
    }
    return this.#db;
  }

  async #run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.#open();
    const tx = db.transaction(STORE, mode);
    const result = promised(work(tx.objectStore(STORE)));
    // Resolve only when the transaction commits: the data is then on disk.
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  }

  async put(entry: OutboxEntry): Promise<void> {
    await this.#run('readwrite', (s) => s.put(entry));
  }
  async get(submissionId: string): Promise<OutboxEntry | undefined> {
    return (await this.#run('readonly', (s) => s.get(submissionId))) as OutboxEntry | undefined;
  }
  async delete(submissionId: string): Promise<void> {
    await this.#run('readwrite', (s) => s.delete(submissionId));
  }
  async list(): Promise<OutboxEntry[]> {
    return (await this.#run('readonly', (s) => s.getAll())) as OutboxEntry[];
  }

  /** Closes the database connection. */
  close(): void {
    void this.#db?.then((db) => db.close(), () => undefined);
    this.#db = undefined;
  }
}
