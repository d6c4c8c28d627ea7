declare module 'geojson-validation' {
  /** With trace = true returns an array of error strings ([] when valid); otherwise a boolean. */
  export function valid(object: unknown, trace: true): string[];
  export function valid(object: unknown, trace?: false): boolean;
  const gjv: { valid: typeof valid };
  export default gjv;
}
