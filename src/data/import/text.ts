/** Values from a file as safe data: JSON without prototype keys, plain text, finite numbers. */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that drops prototype-polluting keys. */
export function safeJsonParse(text: string): unknown {
  return JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
}

/** A property value as plain text (numbers kept), at most 200 characters; script URLs dropped. */
export function cleanText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim().slice(0, 200);
  if (!text) return null;
  if (/^\s*(javascript|data|vbscript):/i.test(text)) return null;
  return text;
}

/** A finite number from a number or a numeric string, else null. */
export function finiteNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The first number in a value ("120床" → 120, "1,200" → 1200), else null. */
export function leadingNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const match = v.replace(/(\d),(?=\d{3})/g, '$1').match(/-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : null;
}
