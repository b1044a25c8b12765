// Cucumber profile used by `lync-harness run` (via the API) and by `npx cucumber-js` for development.
module.exports = {
  default: {
    // TypeScript transpiled once per content and cached (scripts/register-ts.js), in every worker too.
    // Each worker grows its heap as the harness does (scripts/harness-heap.js).
    requireModule: [
      require.resolve('./scripts/harness-heap.js'),
      require.resolve('./scripts/register-ts.js'),
    ],
    // Step files end in .steps.ts; steps/support holds the World and hooks. Unit tests live elsewhere.
    require: ['steps/support/*.ts', 'steps/**/*.steps.ts'],
    paths: ['features/**/*.feature'],
    format: ['summary'],
    // Rule examples first, tenant checks after them, so their services are never all up at once.
    plugin: ['./steps/support/scenario-order.js'],
  },
};
