import { CatalogShardStore } from '../../main/stores/catalog-shard-store';
import { generateSourceImages } from './synthetic-images';
import type { SyntheticPlan } from './synthetic-plan';

export interface PrepareFigures {
  images: number;
  sources: number;
  generateMs: number;
  writeMs: number;
}

/** Writes the plan's shards through the real store, one source at a time (as syncs do). */
export async function prepareCatalog(
  plan: SyntheticPlan,
  dir: string,
  reference: Date,
): Promise<PrepareFigures> {
  const store = new CatalogShardStore(dir);
  let generateMs = 0;
  let writeMs = 0;
  for (const source of plan.sources) {
    let started = performance.now();
    const images = generateSourceImages(source, reference);
    generateMs += performance.now() - started;
    started = performance.now();
    await store.replace(source.id, images, reference.toISOString());
    writeMs += performance.now() - started;
  }
  return { images: plan.total, sources: plan.sources.length, generateMs, writeMs };
}
