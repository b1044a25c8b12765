import { createHash } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type ContainerRuntimeClient, GenericContainer, ImageName } from 'testcontainers';
import { dockerApi } from './docker-api';
import { bundleMocks, type MockBundle, PROJECT, writeMockProgram } from './mock-bundle';

export const IMAGE_REPOSITORY = 'lync-harness-mocks';
/** The base image assembled offline by docker/build-base-image.sh; preferred when present. */
export const LOCAL_BASE_IMAGE = 'localbase:node';
/** The label naming the checkout an image was built from (a hash of its path). */
export const CHECKOUT_LABEL = 'lync-harness.checkout';
export const CHECKOUT = createHash('sha256').update(PROJECT).digest('hex').slice(0, 12);

export interface ImageBuild {
  image: string;
  built: boolean;
  ms: number;
  /** Of `ms`: writing the build context (the bundle and assets); the rest is Docker's build. */
  contextMs?: number;
}

/**
 * The mock image for the current code, built when missing. Tagged by a hash of the base image and
 * the bundled mock program (so an unchanged mock set reuses it; work elsewhere triggers no build) and as `:latest` (for the compose file). LYNC_HARNESS_MOCK_IMAGE
 * names a ready-made image instead; LYNC_HARNESS_BASE_IMAGE picks the base (default: localbase:node
 * when present, else the Dockerfile's public Node image, which Docker then pulls).
 */
export async function ensureMockImage(
  client: ContainerRuntimeClient,
  options: { rebuild?: boolean } = {},
): Promise<ImageBuild> {
  const started = Date.now();
  const override = process.env.LYNC_HARNESS_MOCK_IMAGE;
  if (override) {
    if (!(await client.image.exists(ImageName.fromString(override))))
      throw new Error(`[containers] LYNC_HARNESS_MOCK_IMAGE=${override} is not an image on this engine`);
    return { image: override, built: false, ms: 0 };
  }
  const base = await baseImage(client);
  // The base image's id is an input too: a rebuilt localbase:node (another node) means a new image.
  const baseId = base ? (await dockerApi().getImage(base).inspect()).Id : 'public';
  const bundle = await bundleMocks();
  const tag = createHash('sha256').update(`${baseId}\0${bundle.hash}`).digest('hex').slice(0, 12);
  const image = `${IMAGE_REPOSITORY}:${tag}`;
  if (!options.rebuild && (await client.image.exists(ImageName.fromString(image))))
    return { image, built: false, ms: 0 };
  const contextMs = await buildImage(image, bundle, base);
  return { image, built: true, ms: Date.now() - started, contextMs };
}

/**
 * The build context holds the bundled mock program and its assets (mock-bundle.ts) and the
 * Dockerfile: no TypeScript, no node_modules. Written on the host, because the offline base image has
 * no shell to RUN anything in.
 */
async function buildImage(image: string, bundle: MockBundle, base?: string): Promise<number> {
  // One context folder per process: parallel workers may build at the same time.
  const context = join(PROJECT, '.tmp', `docker-context-${process.pid}`);
  try {
    const started = Date.now();
    writeMockProgram(join(context, 'app'), bundle);
    copyFileSync(join(PROJECT, 'docker', 'Dockerfile'), join(context, 'Dockerfile'));
    const contextMs = Date.now() - started;
    await GenericContainer.fromDockerfile(context)
      .withBuildArgs({ CHECKOUT, ...(base ? { BASE_IMAGE: base } : {}) })
      .build(image, { deleteOnExit: false });
    await dockerApi().getImage(image).tag({ repo: IMAGE_REPOSITORY, tag: 'latest' });
    await removeOlderTags(image);
    return contextMs;
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

async function baseImage(client: ContainerRuntimeClient): Promise<string | undefined> {
  const chosen = process.env.LYNC_HARNESS_BASE_IMAGE;
  if (chosen) return chosen;
  return (await client.image.exists(ImageName.fromString(LOCAL_BASE_IMAGE))) ? LOCAL_BASE_IMAGE : undefined;
}

/**
 * Untags this checkout's images of earlier code versions, so rebuilding after each change does not pile
 * them up. Another checkout's images on the same engine (another branch, a CI job) are left alone.
 */
export async function removeOlderTags(keep: string): Promise<void> {
  const docker = dockerApi();
  const images = await docker.listImages({
    filters: { reference: [IMAGE_REPOSITORY], label: [`${CHECKOUT_LABEL}=${CHECKOUT}`] },
  });
  const old = images
    .flatMap((i) => i.RepoTags ?? [])
    .filter((tag) => tag !== keep && tag !== `${IMAGE_REPOSITORY}:latest`);
  await Promise.allSettled(old.map((tag) => docker.getImage(tag).remove()));
}
