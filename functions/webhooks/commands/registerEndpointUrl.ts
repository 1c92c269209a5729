/**
 * The URL check every registration and URL change runs: the static rules, then DNS resolution
 * with every resolved address checked (the delivery checks again at every attempt).
 */
import { addressRefused, checkEndpointUrl } from '../../../domain/webhooks/endpointUrl';
import { refuse, unwrap } from '../../application/failures';
import { AddressRefusedError, resolveAllowed } from '../addressGuard';

export async function acceptableEndpointUrl(url: string, localMode: boolean): Promise<string> {
  const parsed = unwrap(checkEndpointUrl(url, { localMode }));
  try {
    await resolveAllowed(parsed.hostname, localMode);
  } catch (error) {
    if (error instanceof AddressRefusedError) unwrap(addressRefused(error.address));
    refuse('invalid', 'WEBHOOK_URL_UNRESOLVABLE', { zhTW: `無法解析網址之主機名稱（${parsed.hostname}）`, en: `The URL's host name does not resolve (${parsed.hostname})` }, { field: 'url' });
  }
  return parsed.toString();
}
