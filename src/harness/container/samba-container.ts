import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEMPLATES } from '../../../mocks/samba/domain-template';
import { SAMBA_ADDRESS_VARIABLE, takeLoopbackAddress } from '../../../mocks/samba/loopback-address';
import { requireSamba, SAMBA } from '../../../mocks/samba/samba-binaries';
import { dockerApi } from './docker-api';

export const SAMBA_IMAGE_REPOSITORY = 'lync-harness-samba';
const BUILD_SCRIPT = join(__dirname, '..', '..', '..', 'docker', 'build-samba-image.sh');

/** What a Samba DC's container adds to a mock container: its image, its loopback address, the templates. */
export interface SambaContainerParts {
  image: string;
  env: string[];
  binds: string[];
  /** Gives the loopback address back (after the container is removed). */
  release(): void;
}

/**
 * `--services containers --ldap samba`: a Samba DC service runs in the Samba image (the mock image and
 * this machine's Samba, docker/build-samba-image.sh), on the host's network, at a loopback address the
 * harness takes and holds here (the lock's process is this one: a container's pids are not the host's),
 * reading the domain templates the run provisioned on the host, mounted read-only.
 */
export async function sambaContainerParts(mockImage: string): Promise<SambaContainerParts> {
  const image = await ensureSambaImage(mockImage);
  const address = takeLoopbackAddress();
  return {
    image,
    env: [`${SAMBA_ADDRESS_VARIABLE}=${address.address}`],
    binds: [`${TEMPLATES}:${TEMPLATES}:ro`],
    release: address.release,
  };
}

let building: Map<string, Promise<string>> | undefined;

/**
 * The Samba image for this mock image, built when missing (a minute or two, once per machine and mock
 * code): tagged by a hash of the mock image, Samba's version and the build script.
 */
export function ensureSambaImage(mockImage: string): Promise<string> {
  building ??= new Map();
  let pending = building.get(mockImage);
  if (!pending) {
    pending = buildIfMissing(mockImage);
    building.set(mockImage, pending);
    pending.catch(() => building?.delete(mockImage));
  }
  return pending;
}

async function buildIfMissing(mockImage: string): Promise<string> {
  requireSamba();
  const version = execFileSync(SAMBA, ['--version'], { encoding: 'utf8' }).trim();
  const mockId = (await dockerApi().getImage(mockImage).inspect()).Id;
  const hash = createHash('sha256')
    .update(mockId)
    .update('\0')
    .update(version)
    .update('\0')
    .update(readFileSync(BUILD_SCRIPT))
    .digest('hex')
    .slice(0, 12);
  const image = `${SAMBA_IMAGE_REPOSITORY}:${hash}`;
  const exists = await dockerApi()
    .getImage(image)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (exists) return image;
  try {
    await promisify(execFile)('bash', [BUILD_SCRIPT, mockImage, image], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`[containers] building the Samba image failed: ${(e.stderr || e.message).trim()}`);
  }
  await removeOlderSambaImages(image);
  return image;
}

/** Samba images of earlier mock code or another Samba: a rebuild does not pile them up (about 330 MB each). */
async function removeOlderSambaImages(keep: string): Promise<void> {
  const docker = dockerApi();
  const images = await docker.listImages({ filters: { reference: [SAMBA_IMAGE_REPOSITORY] } });
  const old = images.flatMap((i) => i.RepoTags ?? []).filter((tag) => tag !== keep);
  await Promise.allSettled(old.map((tag) => docker.getImage(tag).remove()));
}
