/**
 * Typed errors for data problems. Every message names the file, the place in it
 * (feature index, CSV row and field) and the problem, so a person can fix the input.
 */
export class DataError extends Error {
  /** File (or layer) the problem is in. */
  readonly file: string;
  /** Where in the file: "row 12, field lon", "feature 3", or null for the whole file. */
  readonly where: string | null;
  readonly problem: string;

  constructor(file: string, where: string | null, problem: string) {
    super(`${file}${where ? ` (${where})` : ''}: ${problem}`);
    this.name = 'DataError';
    this.file = file;
    this.where = where;
    this.problem = problem;
  }
}

/** Raised when the raw data package is not where the pipeline expects it. */
export class MissingSourcesError extends Error {
  constructor(dir: string, envVar: string) {
    super(
      `Raw geodata sources not found at "${dir}". Put the package there (see README) ` +
        `or point ${envVar} at the folder that holds its README.md, e.g. ${envVar}=../shared/geodata-sources`,
    );
    this.name = 'MissingSourcesError';
  }
}
