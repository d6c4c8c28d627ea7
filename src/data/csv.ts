import { DataError } from './errors';

/** A parsed CSV file: header names and one record per data row. */
export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
}

/**
 * Parse RFC 4180 CSV (quoted fields, doubled quotes, CR/LF line ends, UTF-8 BOM).
 * Rows are numbered as in a spreadsheet: the header is row 1. Throws DataError on an
 * unterminated quote or a row whose field count differs from the header's.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let quoteStartRow = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') {
      inQuotes = true;
      quoteStartRow = records.length + 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
  }
  if (inQuotes) throw new DataError(file, `row ${quoteStartRow}`, 'unterminated quoted field');
  if (field !== '' || record.length > 0) endRecord();
  const header = records.shift();
  if (!header) throw new DataError(file, null, 'empty file: no header row');
  const names = header.map((h) => h.trim());
  const rows = records.map((values, index) => {
    if (values.length !== names.length) {
      throw new DataError(
        file,
        `row ${index + 2}`,
        `has ${values.length} fields but the header has ${names.length}`,
      );
    }
    const row: Record<string, string> = Object.create(null);
    names.forEach((name, k) => {
      row[name] = (values[k] ?? '').trim();
    });
    return row;
  });
  return { header: names, rows };
}

/** Throw a DataError naming the first required column the table lacks. */
export function requireColumns(table: CsvTable, columns: string[], file: string): void {
  for (const column of columns) {
    if (!table.header.includes(column)) {
      throw new DataError(
        file,
        null,
        `missing required column "${column}" (has: ${table.header.join(', ')})`,
      );
    }
  }
}
