import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planCatalog } from './synthetic-plan';
import { prepareCatalog } from './bench-prepare';
import { measureCatalog } from './bench-measure';
import { measureSync } from './bench-sync';
import { renderScales, renderSync, type ScaleResult } from './bench-report';

/**
 * `npm run bench:catalog [-- --scales=100000,250000,1000000 --rounds=3 --sync-rounds=20 --skip-sync]`
 * Each scale runs in child processes of its own (one writes the shards, one measures), so start-up
 * time and memory are those of a fresh main process, one process at a time.
 */
const REFERENCE = new Date('2026-11-23T12:00:00.000Z');
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key!, value];
  }),
);
const RESULT = 'BENCH-RESULT ';

async function child(): Promise<unknown> {
  const scale = Number(args.get('scale'));
  const dir = args.get('dir')!;
  switch (args.get('child')) {
    case 'prepare':
      return prepareCatalog(planCatalog(scale), dir, REFERENCE);
    case 'measure':
      return measureCatalog(dir, planCatalog(scale), REFERENCE, Number(args.get('rounds') ?? 3));
    case 'sync':
      return measureSync(Number(args.get('sync-rounds') ?? 20));
    default:
      throw new Error(`unknown child ${args.get('child')}`);
  }
}

function runChild(extra: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const proc = spawn(process.execPath, [script, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) reject(new Error(`${extra.join(' ')} exited with ${code}:\n${out}`));
      else resolve(JSON.parse(line.slice(RESULT.length)));
    });
  });
}

async function main(): Promise<void> {
  if (args.has('child')) {
    console.log(RESULT + JSON.stringify(await child()));
    return;
  }
  const scales = (args.get('scales') ?? '100000,250000,1000000').split(',').map(Number);
  const rounds = args.get('rounds') ?? '3';
  const results: ScaleResult[] = [];
  for (const scale of scales) {
    const dir = await mkdtemp(join(tmpdir(), `hangar-bench-${scale}-`));
    try {
      process.stderr.write(`[bench] ${scale} images: writing shards…\n`);
      const prepared = (await runChild([
        '--child=prepare',
        `--scale=${scale}`,
        `--dir=${dir}`,
      ])) as ScaleResult['prepared'];
      process.stderr.write(`[bench] ${scale} images: measuring (${rounds} rounds of the query mix)…\n`);
      const measured = (await runChild([
        '--child=measure',
        `--scale=${scale}`,
        `--dir=${dir}`,
        `--rounds=${rounds}`,
      ])) as ScaleResult['measured'];
      results.push({ scale, prepared, measured });
    } finally {
      if (!args.has('keep')) await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(`\nHangar catalog engine, Node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(renderScales(results));
  if (!args.has('skip-sync')) {
    process.stderr.write('[bench] sync throughput…\n');
    const sync = (await runChild([
      '--child=sync',
      `--sync-rounds=${args.get('sync-rounds') ?? 20}`,
    ])) as Parameters<typeof renderSync>[0];
    console.log(`\n${renderSync(sync)}`);
  }
}

await main();
