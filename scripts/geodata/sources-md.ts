import type { BuildReport } from './build';
export function renderSourcesMd(report: BuildReport): string {
  return `# todo ${report.layers.length}\n`;
}
