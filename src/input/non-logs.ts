// Files found in folders that are obviously not logs: by name (documents, images, code) or by their first bytes (archives, binaries).

/** Extensions of files that are never a log export, with what they are. */
const NOT_LOGS: readonly (readonly [RegExp, string])[] = [
  [/\.(md|markdown|rst|adoc|pdf|docx?|odt|rtf|html?|xlsx?|ods|pptx?)$/i, 'a document'],
  [/\.(png|jpe?g|gif|bmp|svg|webp|ico|tiff?|heic)$/i, 'an image'],
  [/\.(ya?ml|py|js|mjs|cjs|ts|sh|ps1|bat|exe|dll|so|dylib|class|jar)$/i, 'code or configuration'],
  [/\.(sig|asc|sha1|sha256|sha512|md5|pem|crt|cer|key)$/i, 'a signature, checksum or key'],
];

/** Base names (before any extension) of the files every project folder holds. */
const PROJECT_FILES = /^(readme|license|licence|changelog|changes|notice|authors|copying|contributing)(\.|$)/i;

/** First bytes of formats this tool cannot read, with what to do. */
const MAGIC: readonly (readonly [Buffer, string])[] = [
  [Buffer.from('PK\x03\x04', 'latin1'), 'a zip archive: unpack it first'],
  [Buffer.from('7z\xbc\xaf\x27\x1c', 'latin1'), 'a 7-Zip archive: unpack it first'],
  [Buffer.from('Rar!', 'latin1'), 'a RAR archive: unpack it first'],
  [Buffer.from('\xfd7zXZ\x00', 'latin1'), 'compressed with xz, which this tool cannot read: decompress it first'],
  [Buffer.from('BZh', 'latin1'), 'compressed with bzip2, which this tool cannot read: decompress it first'],
  [Buffer.from('\x28\xb5\x2f\xfd', 'latin1'), 'compressed with zstd, which this tool cannot read: decompress it first'],
  [Buffer.from('%PDF', 'latin1'), 'a PDF document'],
  [Buffer.from('\x89PNG', 'latin1'), 'a PNG image'],
  [Buffer.from('\xff\xd8\xff', 'latin1'), 'a JPEG image'],
  [Buffer.from('GIF8', 'latin1'), 'a GIF image'],
  [Buffer.from('\x7fELF', 'latin1'), 'a program (ELF)'],
];

/** How many first bytes {@link nonLogByContent} looks at. */
export const MAGIC_BYTES = 8;

/** Why a file is obviously not a log, from its name (`not a log: a document (.md)`), or null. */
export function nonLogByName(name: string): string | null {
  for (const [re, what] of NOT_LOGS) {
    const m = re.exec(name);
    if (m) return `not a log: ${what} (${m[0].toLowerCase()})`;
  }
  return PROJECT_FILES.test(name) ? 'not a log: a project file (README, LICENSE, …)' : null;
}

/** Why a file that starts with `head` cannot be a log this tool reads (`a zip archive: unpack it first`), or null. */
export function nonLogByContent(head: Buffer): string | null {
  for (const [magic, what] of MAGIC) if (head.length >= magic.length && head.subarray(0, magic.length).equals(magic)) return what;
  return null;
}
