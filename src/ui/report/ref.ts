/**
 * Which report is open: a life circle's health check, a subdistrict's action page or the
 * district overview. The URL form (`report=circle:<id>|subdistrict:<name>|district`) is read
 * and written by ../url.ts only.
 */
export type ReportRef =
  | { kind: 'circle'; id: string }
  | { kind: 'subdistrict'; name: string }
  | { kind: 'district' };

/** A report's key, also its text in the URL (`report=`; parsed back by ../url.ts). */
export function reportKey(ref: ReportRef): string {
  return ref.kind === 'circle'
    ? `circle:${ref.id}`
    : ref.kind === 'subdistrict'
      ? `subdistrict:${ref.name}`
      : 'district';
}
