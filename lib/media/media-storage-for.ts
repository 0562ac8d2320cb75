import path from "node:path";
import { env } from "@/lib/env";
import { LocalMediaStorage } from "./local-media-storage";
import type { MediaStorage } from "./media-storage";

/**
 * The one choice point for media storage. Today always a local directory (`${dataDir}/media`), in embedded mode
 * and with DATABASE_URL alike (several processes sharing one PostgreSQL then need a shared volume). An
 * S3-compatible implementation of `MediaStorage` can be chosen here from env (bucket, endpoint, keys) without
 * touching callers: they only ever see the interface and keys made by `mediaKey`.
 */
export function mediaStorageFor(): MediaStorage {
  return new LocalMediaStorage(path.join(env().dataDir, "media"));
}
