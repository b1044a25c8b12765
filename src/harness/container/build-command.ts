import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dockerApi } from './docker-api';
import { dockerEngine } from './engine';
import { ensureMockImage } from './image';
import { PROJECT } from './mock-bundle';
import { writeSampleSeed } from './sample-seed';

/**
 * `npm run docker:build [-- --force]`: builds the mock image for the current code (tagged by its
 * inputs' hash and :latest) and writes docker/seed/ (the sample tenant for the compose file).
 * --force builds even when the image exists (to measure a build).
 */
export async function buildImageCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { force: { type: 'boolean' } } });
  const client = await dockerEngine();
  const { image, built, ms, contextMs = 0 } = await ensureMockImage(client, { rebuild: values.force });
  const info = await dockerApi().getImage(image).inspect();
  console.log(
    `${image} ${built ? `built in ${(ms / 1000).toFixed(1)} s (context ${(contextMs / 1000).toFixed(1)} s)` : 'up to date'}, ` +
      `${(info.Size / 1e6).toFixed(0)} MB (base ${info.Config.Labels?.['lync-harness.base']})`,
  );
  const seeds = writeSampleSeed(join(PROJECT, 'docker', 'seed'));
  console.log(`sample tenant seed for docker/compose.yaml: ${seeds.length} files in docker/seed/`);
  return 0;
}
