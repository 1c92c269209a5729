/** Area group `webhooks`: Webhook endpoints, events, deliveries and redelivery. */
import { webhooksArea } from '../../webhooks/routes';
import type { ApiArea } from '../../http/app';

export const webhooksGroup: readonly ApiArea[] = [webhooksArea];
