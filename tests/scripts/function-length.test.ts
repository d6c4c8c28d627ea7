/**
 * The geodata pipeline stays a set of small named stages: no function, method or arrow
 * function under scripts/geodata/ may be longer than MAX_LINES lines, counted from the first
 * line of its signature (modifiers included, comments not) to its closing brace. Parsed with
 * the TypeScript compiler API, so nested functions and class members count too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';

const MAX_LINES = 80;
const PIPELINE_DIR = join(REPO_ROOT, 'scripts', 'geodata');

interface FunctionLength {
  file: string;
  name: string;
  /** 1-based line of the signature */
  line: number;
  lines: number;
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.Node };

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return tsFiles(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
}

function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** A readable name: the declared one, else the variable, property or call it belongs to. */
function nameOf(node: FunctionWithBody, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertyAssignment(parent)) &&
    parent.name
  ) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText(source).slice(0, 40)}`;
  return '(anonymous function)';
}

/** Every function-like declaration with a body in `text`, with its length in lines. */
function measureFunctions(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node) => {
    if (isFunctionWithBody(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, name: nameOf(node, source), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const describeLength = (f: FunctionLength) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`;

describe('function length in scripts/geodata', () => {
  it('measures declarations, methods, arrow functions and nested functions', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = [
      `export function long(a: number): number {\n${body(MAX_LINES)}\n  return a;\n}`,
      'class K {\n  m() {\n    return 1;\n  }\n}',
      `const arrow = () => {\n${body(3)}\n};`,
      'function outer() {\n  const inner = (x: number) => x;\n  return inner;\n}',
    ].join('\n');
    const lengths = measureFunctions('sample.ts', text).map((f) => [f.name, f.lines]);
    expect(lengths).toEqual([
      ['long', MAX_LINES + 3],
      ['m', 3],
      ['arrow', 5],
      ['outer', 4],
      ['inner', 1],
    ]);
  });

  it(`has no function longer than ${MAX_LINES} lines`, () => {
    const files = tsFiles(PIPELINE_DIR);
    expect(files.length).toBeGreaterThan(5);
    const all = files.flatMap((path) =>
      measureFunctions(relative(REPO_ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(all.length).toBeGreaterThan(20);
    const longest = all.reduce((a, b) => (b.lines > a.lines ? b : a));
    console.info(`longest function in scripts/geodata: ${describeLength(longest)}`);
    const tooLong = all.filter((f) => f.lines > MAX_LINES).map(describeLength);
    expect(tooLong, `functions over ${MAX_LINES} lines`).toEqual([]);
  });
});
