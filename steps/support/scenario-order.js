/**
 * A Cucumber plugin (cucumber.js `plugin`): the rule examples first, then the tenant checks
 * (`@tenant-check`), each kind in the features' order. A worker so needs the fixtures' services and
 * the tenant's one after the other, and stops the first set when its first tenant check starts
 * (src/harness/environment.ts): a run's peak is the larger set, not both. Plain JavaScript, because
 * Cucumber loads plugins with import(), which the TypeScript loader does not reach.
 */
const isTenantCheck = ({ pickle }) => pickle.tags.some((tag) => tag.name === '@tenant-check');

module.exports = {
  type: 'plugin',
  coordinator: ({ transform }) => {
    transform('pickles:order', (pickles) => [
      ...pickles.filter((p) => !isTenantCheck(p)),
      ...pickles.filter(isTenantCheck),
    ]);
  },
};
