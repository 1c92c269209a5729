/**
 * Business metrics as CloudWatch EMF through Powertools (namespace PdpaCompliance): reminders
 * sent and failed — the alarms in infra/constructs/monitoring.ts watch them. Request counts,
 * errors and latency come from API Gateway and Lambda's own metrics.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'PdpaCompliance';

export function reminderMetrics(serviceName: string) {
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
  return {
    metrics,
    record(counts: { sent: number; failed: number; deadLettered?: number; tenantsFailed?: number }) {
      metrics.addMetric('RemindersSent', MetricUnit.Count, counts.sent);
      metrics.addMetric('RemindersFailed', MetricUnit.Count, counts.failed + (counts.deadLettered ?? 0));
      if (counts.tenantsFailed !== undefined) metrics.addMetric('SweepTenantsFailed', MetricUnit.Count, counts.tenantsFailed);
      metrics.publishStoredMetrics();
    },
  };
}
