// The benchmark's results: figures (each with its reference and ratio), the figures that could not
// be measured and why, the machine; written as JSON and as Markdown tables grouped by section.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Direction, Summary } from './stats.js';

export interface Figure {
  /** Section of the report, e.g. "Load", "API latency, 10,000 enterprises". */
  group: string;
  name: string;
  unit: string;
  /** Whether lower (latency) or higher (rates) is better. */
  direction: Direction;
  value: Summary;
  reference: { name: string; value: Summary };
  /** value.median / reference.value.median: always a finite number. */
  ratio: number;
  aim?: string;
  note?: string;
}

export interface NotMeasured {
  group: string;
  name: string;
  reason: string;
}

export interface Machine {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  os: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  command: string;
  options: Record<string, unknown>;
  machine: Machine;
  figures: Figure[];
  notMeasured: NotMeasured[];
}

export function describeMachine(): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: os.cpus() is the fallback
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // nproc missing: os.cpus() is the fallback
  }
  let os = `${process.platform} ${process.arch}`;
  try {
    const pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m);
    if (pretty) os = `${pretty[1]} (${process.arch})`;
  } catch {
    // no os-release: platform and arch are enough
  }
  return { nproc, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, cpuModel, node: process.version, os };
}

/** Numbers as people read them: 3 significant digits, thousands separated. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

const ratioText = (r: number) => `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}x`;

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    `# Benchmark results`,
    '',
    `${report.startedAt} · ${report.durationS.toFixed(0)} s · \`${report.command}\``,
    '',
    `Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.os}, Node ${m.node}.`,
    '',
    'Each figure is the median and p95 over repeated runs, next to its reference measured in the same run;',
    'ratio = figure median / reference median. For rates (higher is better) p95 is the rate that 95% of the',
    'samples reach; for latencies it is the 95th percentile.',
  ];
  // Sections in a fixed order (load, API by size, throughput, web), whatever order they were measured in.
  const rank = (group: string) => ['Load', 'API', 'Throughput', 'Web'].findIndex((prefix) => group.startsWith(prefix));
  const sizeOf = (group: string) => Number(group.match(/([\d,]+) enterprises/)?.[1].replace(/,/g, '') ?? 0);
  const groups = [...new Set(report.figures.map((f) => f.group))].sort(
    (a, b) => rank(a) - rank(b) || sizeOf(a) - sizeOf(b),
  );
  for (const group of groups) {
    out.push(
      '',
      `## ${group}`,
      '',
      '| figure | median | p95 | n | reference | ref. median | ref. p95 | ratio | aim | note |',
      '|---|---:|---:|---:|---|---:|---:|---:|---|---|',
    );
    for (const f of report.figures.filter((x) => x.group === group)) {
      out.push(
        `| ${f.name} (${f.unit}) | ${formatNumber(f.value.median)} | ${formatNumber(f.value.p95)} | ${f.value.n} | ${f.reference.name} | ` +
          `${formatNumber(f.reference.value.median)} | ${formatNumber(f.reference.value.p95)} | ${ratioText(f.ratio)} | ${f.aim ?? ''} | ${f.note ?? ''} |`,
      );
    }
  }
  if (report.notMeasured.length) {
    out.push('', '## Not measured', '', '| section | figure | why |', '|---|---|---|');
    for (const n of report.notMeasured)
      out.push(`| ${n.group} | ${n.name} | ${n.reason.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  }
  return `${out.join('\n')}\n`;
}

export function writeReport(report: BenchReport, jsonFile: string): { json: string; markdown: string } {
  mkdirSync(dirname(jsonFile), { recursive: true });
  const markdown = `${jsonFile.replace(/\.json$/i, '')}.md`;
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(report));
  return { json: jsonFile, markdown };
}
