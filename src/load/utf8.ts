// Finds the first byte that breaks UTF-8, so the loader can say where a file went wrong
// (TextDecoder with `fatal` only says that it did).

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    }
    if (!withinUnicodeRules(lead, bytes[i + 1] as number)) return i;
    i += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Rejects overlong forms, UTF-16 surrogates and code points above U+10FFFF. */
function withinUnicodeRules(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second <= 0x8f;
  return true;
}

/** 1-based line and column (in characters) of a byte offset in bytes that are valid UTF-8 up to it. */
export function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return lineColOfIndex(before, before.length);
}

/** 1-based line and column (in code points) of a string index. */
export function lineColOfIndex(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: [...before.slice(lineStart)].length + 1 };
}
