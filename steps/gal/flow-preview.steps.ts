import { Then, When } from '@cucumber/cucumber';
import { TENANT_STEP_TIMEOUT_MS } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';
import { checkFlowPreview, type FlowPreview, previewFlow } from './flow-preview';
import { namedFlow } from './gal-context';
import { sourceFinding } from './source-side';

const previewOf = (w: HarnessWorld) => w.area<{ preview?: FlowPreview }>('gal-flow-preview', () => ({}));

When(
  "GALSync runs with this run's flow for every user of both forests",
  { timeout: TENANT_STEP_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    previewOf(this).preview = previewFlow(this.tenantSpace, namedFlow(this, 'configured'));
  },
);

Then('each user whose contact would carry no SIP address is reported', async function (this: HarnessWorld) {
  const preview = previewOf(this).preview!;
  await checkFlowPreview(this, preview, 'GAL-02', sourceFinding(preview, 'GAL-02'), ['GAL-01', 'GAL-02']);
  await this.reportTenantCheck('GAL-02');
});
