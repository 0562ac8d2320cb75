/**
 * Where inbound media bytes live. Keys are built by Papo (`mediaKey`), never taken from user input or from Meta:
 * `<organizationId>/<uuid>.<ext>`. Implementations: `local-media-storage.ts` (a directory, embedded and single-host
 * installs). An S3-compatible implementation can follow behind the same interface (see `media-storage-for.ts`).
 */
export interface MediaStorage {
  /** Stores the bytes under the key, replacing anything there. Durable when the promise resolves. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY = new RegExp(`^(${UUID})/(${UUID})(?:\\.([a-z0-9]{1,8}))?$`);

/** The only way keys are made: organization id + a fresh uuid + the extension of the sniffed type. */
export function mediaKey(organizationId: string, objectId: string, ext?: string): string {
  const key = `${organizationId.toLowerCase()}/${objectId.toLowerCase()}${ext ? `.${ext.toLowerCase()}` : ""}`;
  assertMediaKey(key);
  return key;
}

/** Rejects anything that is not a key `mediaKey` could have produced (so no `..`, no absolute paths, no separators). */
export function assertMediaKey(key: string): { organizationId: string; objectId: string; ext?: string } {
  const m = KEY.exec(key);
  if (!m) throw new Error(`Invalid media storage key: ${JSON.stringify(key)}`);
  return { organizationId: m[1], objectId: m[2], ext: m[3] };
}
