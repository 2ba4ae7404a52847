import { createHash } from 'node:crypto';

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function manifestEntry(path: string, data: Uint8Array): ManifestEntry {
  return { path, size: data.byteLength, sha256: sha256(data) };
}
