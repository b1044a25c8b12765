/**
 * Request body limits of the mocks' HTTP servers, in bytes, enforced while the body streams in.
 *
 * - IIS request filtering's `requestLimits maxAllowedContentLength` defaults to 30,000,000 ("requestLimits
 *   Element for requestFiltering", IIS Settings Schema, learn.microsoft.com ms689462): every IIS-hosted
 *   endpoint without a limit of its own (Autodiscover, the OAB virtual directory, Lync's web services).
 * - EWS on Exchange 2013: `maxAllowedContentLength="67108864"` and `maxReceivedMessageSize="67108864"` in its
 *   web.config ("Configure client-specific message size limits", Exchange Server 2013 help).
 * - The Edge's replication endpoint documents none; it gets the IIS default too.
 * - The admin API is ours: control requests are small JSON; a data load carries a whole forest (a
 *   100,000-object LDIF is about 90 MB, a 1,000,000-object forest about 640 MB). The mocks parse a load
 *   as it arrives and never hold it whole, so its limit only stops a sender that never ends.
 */
export const IIS_DEFAULT_MAX_CONTENT = 30_000_000;
export const EWS_MAX_CONTENT = 67_108_864;
export const ADMIN_MAX_BODY = 4 * 1024 * 1024;
export const ADMIN_DATA_MAX_BODY = 4 * 1024 * 1024 * 1024;

/** The body limit of an admin request: the data load's, or the control requests'. */
export function adminBodyLimit(method: string | undefined, path: string): number {
  return method === 'PUT' && path === '/__admin/data' ? ADMIN_DATA_MAX_BODY : ADMIN_MAX_BODY;
}
