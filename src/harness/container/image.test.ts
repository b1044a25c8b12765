import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { GenericContainer } from 'testcontainers';
import { dockerApi } from './docker-api';
import { dockerEngine } from './engine';
import { CHECKOUT, CHECKOUT_LABEL, IMAGE_REPOSITORY, removeOlderTags } from './image';

/** An empty image in the mock images' repository, labelled as built by `checkout`. */
async function labelledImage(tag: string, checkout: string): Promise<string> {
  const context = mkdtempSync(join(tmpdir(), 'image-label-'));
  try {
    writeFileSync(
      join(context, 'Dockerfile'),
      `FROM scratch\nLABEL ${CHECKOUT_LABEL}=${checkout} test=${tag}\n`,
    );
    const image = `${IMAGE_REPOSITORY}:${tag}`;
    await GenericContainer.fromDockerfile(context).build(image, { deleteOnExit: false });
    return image;
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

const tagged = async (image: string) =>
  (await dockerApi().listImages({ filters: { reference: [image] } })).length > 0;

test('a checkout untags its own older mock images and leaves another checkout’s alone', {
  timeout: 120_000,
}, async (t) => {
  try {
    await dockerEngine();
  } catch (error) {
    t.skip(String((error as Error).message));
    return;
  }
  const suffix = `${process.pid}-${Date.now()}`;
  const ours = await labelledImage(`test-ours-${suffix}`, CHECKOUT);
  const older = await labelledImage(`test-older-${suffix}`, CHECKOUT);
  const theirs = await labelledImage(`test-theirs-${suffix}`, 'another-checkout');
  try {
    await removeOlderTags(ours);
    assert.equal(await tagged(ours), true, 'the image just built stays');
    assert.equal(await tagged(older), false, 'this checkout’s older image is untagged');
    assert.equal(await tagged(theirs), true, 'another checkout’s image stays');
  } finally {
    await Promise.allSettled([ours, older, theirs].map((i) => dockerApi().getImage(i).remove()));
  }
});
