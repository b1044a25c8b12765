/**
 * A Cucumber plugin (cucumber.js `plugin`): the rule examples first, in the features' order, then the
 * tenant checks (`@tenant-check`) stage by stage (tenant-check-order.json), each stage in the
 * features' order. A worker so needs the fixtures' services and the tenant's one after the other, and
 * stops the first set when its first tenant check starts (src/harness/environment.ts): a run's peak is
 * the larger set, not both; and each tenant service stops once no later stage reads it. Plain
 * JavaScript, because Cucumber loads plugins with import(), which the TypeScript loader does not reach.
 */
const { stages } = require('./tenant-check-order.json');

const isTenantCheck = ({ pickle }) => pickle.tags.some((tag) => tag.name === '@tenant-check');

/** A tenant check's stage; one whose rule area is in no stage goes last (its Before hook names the gap). */
function stageOf({ pickle }) {
  const areas = pickle.tags.map((tag) => /^@([A-Z]+)-\d+$/.exec(tag.name)?.[1]).filter(Boolean);
  const at = stages.findIndex((stage) => stage.areas.some((area) => areas.includes(area)));
  return at === -1 ? stages.length : at;
}

module.exports = {
  type: 'plugin',
  coordinator: ({ transform }) => {
    transform('pickles:order', (pickles) => {
      const checks = pickles.filter(isTenantCheck).map((p, i) => ({ p, i, stage: stageOf(p) }));
      checks.sort((a, b) => a.stage - b.stage || a.i - b.i);
      return [...pickles.filter((p) => !isTenantCheck(p)), ...checks.map((c) => c.p)];
    });
  },
};
