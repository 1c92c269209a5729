/**
 * Vendor-oversight reports. Each loads the tenant's vendors / contracts / checks through their
 * index partitions (Queries, paged to the end — never a Scan) and hands them to the pure report
 * functions of domain/vendor/reports.ts, as of the tenant's local date.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { crossBorderTransfersByCountry, expiringCertificatesReport, missingClausesReport, overdueChecksReport, vendorsByCriticality } from '../../domain/vendor/reports';
import { commandContextOf, todayOf } from '../http/commandContext';
import type { ApiContext, ApiEnv } from '../http/context';
import { routeTable } from '../http/route';
import {
  criticalityReportSchema,
  crossBorderReportSchema,
  expiringCertificatesQuerySchema,
  expiringCertificatesReportSchema,
  missingClausesReportSchema,
  overdueChecksReportSchema,
} from './vendorModel';
import { loadChecks as loadCheckRecords, loadContracts as loadContractRecords, loadVendors as loadVendorRecords } from './vendorStore';
import { vendorReadAccess } from './vendorSupport';

const TAG = ['Vendor oversight reports'];

const loadVendors = (c: ApiContext) => loadVendorRecords(commandContextOf(c).table);
const loadContracts = (c: ApiContext) => loadContractRecords(commandContextOf(c).table);
const loadChecks = (c: ApiContext) => loadCheckRecords(commandContextOf(c).table);

const route = routeTable(TAG);

const criticalityRoute = route.get('/v1/vendor-reports/criticality', vendorReadAccess, '受託者風險等級 / Vendors by criticality', { 200: [criticalityReportSchema, 'High, medium and low bands'] });
const overdueChecksRoute = route.get('/v1/vendor-reports/overdue-checks', vendorReadAccess, '逾期未確認之受託者 / Overdue oversight checks', { 200: [overdueChecksReportSchema, 'Vendors whose yearly check is overdue, most overdue first'] });
const missingClausesRoute = route.get('/v1/vendor-reports/missing-clauses', vendorReadAccess, '委外契約缺漏條款 / Missing contract clauses', { 200: [missingClausesReportSchema, 'Findings of every contract in force'] });
const crossBorderRoute = route.get('/v1/vendor-reports/cross-border', vendorReadAccess, '國際傳輸 / Cross-border processing', { 200: [crossBorderReportSchema, 'Destinations outside Taiwan, largest volume first (PDPA Art. 21)'] });
const expiringCertificatesRoute = route.get('/v1/vendor-reports/expiring-certificates', vendorReadAccess, '即將到期之驗證 / Expiring certificates', { query: expiringCertificatesQuerySchema, 200: [expiringCertificatesReportSchema, 'Latest certificate per vendor and standard expiring within `days` (or expired)'] });

export function registerReportRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(criticalityRoute, async (c) => {
    const bands = vendorsByCriticality(await loadVendors(c));
    return c.json({ asOf: todayOf(c), bands }, 200);
  });

  app.openapi(overdueChecksRoute, async (c) => {
    const [vendors, checks] = await Promise.all([loadVendors(c), loadChecks(c)]);
    const asOf = todayOf(c);
    const names = new Map(vendors.map((vendor) => [vendor.id, vendor.name]));
    const items = overdueChecksReport(vendors, checks, asOf).map((status) => ({ ...status, name: names.get(status.vendorId) ?? '' }));
    return c.json({ asOf, items }, 200);
  });

  app.openapi(missingClausesRoute, async (c) => {
    const [vendors, contracts] = await Promise.all([loadVendors(c), loadContracts(c)]);
    const asOf = todayOf(c);
    return c.json({ asOf, items: missingClausesReport(contracts, vendors, asOf) }, 200);
  });

  app.openapi(expiringCertificatesRoute, async (c) => {
    const { days } = c.req.valid('query');
    const asOf = todayOf(c);
    return c.json({ asOf, days, items: expiringCertificatesReport(await loadChecks(c), asOf, days) }, 200);
  });

  app.openapi(crossBorderRoute, async (c) => {
    return c.json({ asOf: todayOf(c), items: crossBorderTransfersByCountry(await loadVendors(c)) }, 200);
  });
}
