/**
 * The evidence manifest of an imported archive: each file's name, size,
 * SHA-256 and event count, so anyone can check offline, with standard tools,
 * that the files an auditor relied on are the files they hold.
 *
 * `manifestSha256sums` writes the format `sha256sum -c` reads
 * ("<hex>  <path>"); `manifestJson` carries the rest.
 */
export interface ManifestEntry {
  /** The path as imported (folder-relative or object key). */
  path: string;
  bytes: number;
  sha256: string;
  events: number;
  /** Why the file was not loaded, when it was not. */
  refused?: string;
}

export interface Manifest {
  createdAt: string;
  files: ManifestEntry[];
  totals: { files: number; refused: number; bytes: number; events: number };
}

/** SHA-256 of bytes as lower-case hex, with the platform's Web Crypto. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    bytes as Uint8Array<ArrayBuffer>,
  );
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

export function buildManifest(
  entries: readonly ManifestEntry[],
  createdAt: Date,
): Manifest {
  const files = [...entries].sort((a, b) => a.path.localeCompare(b.path));
  return {
    createdAt: createdAt.toISOString(),
    files,
    totals: {
      files: files.length,
      refused: files.filter((f) => f.refused).length,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      events: files.reduce((n, f) => n + f.events, 0),
    },
  };
}

/**
 * `sha256sum -c` input. A path with a newline or backslash is written in
 * the escaped form GNU coreutils uses (a leading backslash, `\\n`, `\\\\`),
 * so a hostile file name cannot forge a line.
 */
export function manifestSha256sums(manifest: Manifest): string {
  return manifest.files
    .map((f) => {
      const escaped = /[\n\r\\]/.test(f.path);
      const path = f.path
        .replace(/\\/g, "\\\\")
        .replace(/\n/g, "\\n")
        .replace(/\r/g, "\\r");
      return `${escaped ? "\\" : ""}${f.sha256}  ${path}\n`;
    })
    .join("");
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
