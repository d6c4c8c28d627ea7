/** Bytes to text: BOMs, strict UTF-8, else GB18030. */
import { type Message, m } from './types';

/** Decode file bytes: BOMs first, then strict UTF-8, else GB18030 (a superset of GBK). */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } | { error: Message } {
  if (bytes.length === 0) return { error: m('文件为空（0字节）', 'The file is empty (0 bytes)') };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  let zeros = 0;
  for (let i = 0; i < Math.min(bytes.length, 1000); i++) if (bytes[i] === 0) zeros++;
  if (zeros > 0) {
    return {
      error: m(
        '文件含空字节：可能是无BOM的UTF-16或二进制文件，请另存为UTF-8',
        'The file contains NUL bytes: UTF-16 without a BOM or a binary file; save it as UTF-8',
      ),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK/GB18030' };
  }
}
