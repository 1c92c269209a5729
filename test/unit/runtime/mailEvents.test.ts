import { describe, expect, it } from 'vitest';
import { parseSesNotification } from '../../../functions/runtime/mailEventRecorder';

const tenantId = 'tn_01jz8x6d3v2k9q4r7t1w5y8b0c';

describe('SES bounce/complaint events', () => {
  it('reads a bounce with the tenant and mail id from the message tags', () => {
    const event = parseSesNotification(JSON.stringify({
      eventType: 'Bounce',
      mail: { messageId: 'ses-123', timestamp: '2026-03-01T01:00:00Z', destination: ['owner@example.com'], tags: { tenantId: [tenantId], mailId: ['mail_1'] } },
      bounce: { bounceType: 'Permanent', timestamp: '2026-03-01T01:00:05Z', bouncedRecipients: [{ emailAddress: 'owner@example.com' }] },
    }));
    expect(event).toMatchObject({ eventType: 'Bounce', messageId: 'ses-123', tenantId, mailId: 'mail_1', recipients: ['owner@example.com'], at: '2026-03-01T01:00:05Z' });
    expect(event!.detail).toContain('Permanent');
  });

  it('reads complaints; refuses a tenant tag that is not a tenant id; ignores non-SES messages', () => {
    const complaint = parseSesNotification(JSON.stringify({
      eventType: 'Complaint',
      mail: { messageId: 'ses-9', timestamp: '2026-03-01T01:00:00Z', tags: { tenantId: ['../other'] } },
      complaint: { timestamp: '2026-03-01T02:00:00Z', complainedRecipients: [{ emailAddress: 'x@example.com' }] },
    }));
    expect(complaint).toMatchObject({ eventType: 'Complaint', tenantId: null, recipients: ['x@example.com'] });
    expect(parseSesNotification('not json')).toBeUndefined();
    expect(parseSesNotification(JSON.stringify({ hello: 'world' }))).toBeUndefined();
  });
});
