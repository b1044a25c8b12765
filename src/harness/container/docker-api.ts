import Dockerode from 'dockerode';

let api: Dockerode | undefined;

/**
 * The Docker Engine API for what testcontainers does not offer (listing containers by label, inspecting
 * and tagging images): the engine DOCKER_HOST names, else the local socket, as testcontainers finds it.
 */
export function dockerApi(): Dockerode {
  api ??= new Dockerode();
  return api;
}
