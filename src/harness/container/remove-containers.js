// Removes the containers named by id on the command line. The harness runs it synchronously
// (spawnSync) from its 'exit' handler, where no asynchronous work can finish (container/cleanup.ts).
const Docker = require('dockerode');

const docker = new Docker(); // DOCKER_HOST, else the local socket: the engine the harness used
Promise.allSettled(
  process.argv.slice(2).map((id) => docker.getContainer(id).remove({ force: true, v: true })),
).then(() => process.exit(0));
