// Cucumber profile used by `lync-harness run` (via the API) and by `npx cucumber-js` for development.
module.exports = {
  default: {
    requireModule: ['ts-node/register'],
    // Step files end in .steps.ts; steps/support holds the World and hooks. Unit tests live elsewhere.
    require: ['steps/support/*.ts', 'steps/**/*.steps.ts'],
    paths: ['features/**/*.feature'],
    format: ['summary'],
  },
};
