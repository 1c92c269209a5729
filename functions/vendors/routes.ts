/**
 * 委外監督 (vendor oversight): vendors and their sub-processors, entrustment contracts with the
 * Art. 8 clause checklist, periodic oversight checks, termination with return/deletion.
 * Questionnaire links and reports are in their own modules; this file registers the whole area.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { contractTerminationInputSchema, returnDeletionConfirmationSchema } from '../../domain/vendor/termination';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { confirmReturnDeletion } from './commands/confirmReturnDeletion';
import { createContract } from './commands/createContract';
import { createVendor } from './commands/createVendor';
import { recordOversightCheck } from './commands/recordOversightCheck';
import { terminateContract } from './commands/terminateContract';
import { updateContract } from './commands/updateContract';
import { updateVendor } from './commands/updateVendor';
import { registerPublicQuestionnaireRoutes, registerQuestionnaireRoutes } from './questionnaireRoutes';
import { registerReportRoutes } from './reportRoutes';
import {
  contractFindingsViewSchema,
  contractParams,
  contractViewSchema,
  createContractSchema,
  createOversightCheckSchema,
  createVendorSchema,
  oversightCheckViewSchema,
  toVendorView,
  updateContractSchema,
  updateVendorSchema,
  vendorParams,
  vendorViewSchema,
} from './vendorModel';
import { contractFindingsOf, contractViewOf, listChecks, listContracts, listSubProcessors, listVendors, requireContract, requireVendor } from './vendorStore';
import { vendorReadAccess, vendorWriteAccess } from './vendorSupport';

const TAG = ['Vendor oversight'];

// --- routes ---

const route = routeTable(TAG);

const createVendorRoute = route.post('/v1/vendors', vendorWriteAccess, '登錄受託者（含複委託對象）/ Register a vendor (or a sub-processor)', { body: createVendorSchema, description: 'Creates the vendor and its yearly oversight duty (Rules Art. 8 ¶3) in one transaction. Set `parentVendorId` for a sub-processor (複委託).', 201: [vendorViewSchema, 'The vendor with its derived criticality'] });

const listVendorsRoute = route.get('/v1/vendors', vendorReadAccess, '受託者清單 / List vendors', { query: pageQuerySchema, 200: [pageSchema(vendorViewSchema, 'VendorPage'), 'Vendors'] });

const getVendorRoute = route.get('/v1/vendors/{vendorId}', vendorReadAccess, '受託者 / A vendor', { params: vendorParams, 200: [vendorViewSchema, 'The vendor'] });

const updateVendorRoute = route.patch('/v1/vendors/{vendorId}', vendorWriteAccess, '修改受託者 / Update a vendor', { params: vendorParams, body: updateVendorSchema, 200: [vendorViewSchema, 'The updated vendor'] });

const subProcessorsRoute = route.get('/v1/vendors/{vendorId}/sub-processors', vendorReadAccess, '複委託對象 / Sub-processors of a vendor', { params: vendorParams, query: pageQuerySchema, 200: [pageSchema(vendorViewSchema, 'SubProcessorPage'), 'Direct sub-processors'] });

const createContractRoute = route.post('/v1/vendors/{vendorId}/contracts', vendorWriteAccess, '登錄委外契約 / Record an entrustment contract', { params: vendorParams, body: createContractSchema, description: 'The end date (if any) becomes a one-time `vendorContractEnd` duty.', 201: [contractViewSchema, 'The contract'] });

const listContractsRoute = route.get('/v1/vendors/{vendorId}/contracts', vendorReadAccess, '受託者之委外契約 / Contracts of a vendor', { params: vendorParams, query: pageQuerySchema, 200: [pageSchema(contractViewSchema, 'VendorContractPage'), 'Contracts'] });

const getContractRoute = route.get('/v1/vendors/{vendorId}/contracts/{contractId}', vendorReadAccess, '委外契約 / A contract', { params: contractParams, 200: [contractViewSchema, 'The contract'] });

const updateContractRoute = route.patch('/v1/vendors/{vendorId}/contracts/{contractId}', vendorWriteAccess, '更新契約條款檢核表 / Update the clause checklist', { params: contractParams, body: updateContractSchema, 200: [contractViewSchema, 'The updated contract'] });

const contractFindingsRoute = route.get('/v1/vendors/{vendorId}/contracts/{contractId}/findings', vendorReadAccess, '契約缺漏條款 / Missing clauses (with article citations)', { params: contractParams, 200: [contractFindingsViewSchema, 'Findings against Enforcement Rules Art. 8 ¶2'] });

const terminateContractRoute = route.post('/v1/vendors/{vendorId}/contracts/{contractId}/terminate', vendorWriteAccess, '終止委外契約 / Terminate a contract', { params: contractParams, body: contractTerminationInputSchema.openapi('VendorContractTermination'), description: 'Opens the return/deletion obligation (Rules Art. 8 ¶2 item 6) with its due date, as a one-time `vendorReturnDeletion` duty.', 200: [contractViewSchema, 'The terminated contract and its obligation'] });

const confirmReturnDeletionRoute = route.post('/v1/vendors/{vendorId}/contracts/{contractId}/return-deletion-confirmation', vendorWriteAccess, '確認個資已返還或刪除 / Confirm the data was returned or deleted', { params: contractParams, body: returnDeletionConfirmationSchema.openapi('VendorReturnDeletionConfirmation'), description: 'Closes the obligation; the record is kept at least 5 years (`retainUntil`).', 200: [contractViewSchema, 'The contract with the closed obligation'] });

const createCheckRoute = route.post('/v1/vendors/{vendorId}/oversight-checks', vendorWriteAccess, '記錄委外監督確認結果 / Record an oversight check', { params: vendorParams, body: createOversightCheckSchema, description: 'Completes the vendor\'s open oversight task and schedules the next one a year after the check; a certificate\'s expiry becomes a `vendorCertificateExpiry` duty.', 201: [oversightCheckViewSchema, 'The recorded check'] });

const listChecksRoute = route.get('/v1/vendors/{vendorId}/oversight-checks', vendorReadAccess, '委外監督紀錄 / Oversight checks of a vendor (newest first)', { params: vendorParams, query: pageQuerySchema, 200: [pageSchema(oversightCheckViewSchema, 'VendorOversightCheckPage'), 'Checks'] });

// --- handlers ---

export const vendorsArea = {
  name: 'vendors',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createVendorRoute, async (c) => {
      const { view, version } = await createVendor(commandContextOf(c), c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(listVendorsRoute, async (c) => {
      const page = c.req.valid('query');
      return c.json(await listVendors(commandContextOf(c).table, page, listBindingOf(c, 'vendors', {})), 200);
    });

    app.openapi(getVendorRoute, async (c) => {
      const vendor = await requireVendor(commandContextOf(c).table, c.req.valid('param').vendorId);
      setEtag(c, vendor.version);
      return c.json(toVendorView(vendor), 200);
    });

    app.openapi(updateVendorRoute, async (c) => {
      const expected = expectedVersion(c);
      const { view, version } = await updateVendor(commandContextOf(c), c.req.valid('param').vendorId, expected, c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(subProcessorsRoute, async (c) => {
      const { vendorId } = c.req.valid('param');
      return c.json(await listSubProcessors(commandContextOf(c).table, vendorId, c.req.valid('query'), listBindingOf(c, 'vendor-sub-processors', { vendorId })), 200);
    });

    // --- contracts ---

    app.openapi(createContractRoute, async (c) => {
      const { view, version } = await createContract(commandContextOf(c), c.req.valid('param').vendorId, c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(listContractsRoute, async (c) => {
      const { vendorId } = c.req.valid('param');
      return c.json(await listContracts(commandContextOf(c).table, vendorId, todayOf(c), c.req.valid('query'), listBindingOf(c, 'vendor-contracts', { vendorId })), 200);
    });

    app.openapi(getContractRoute, async (c) => {
      const { vendorId, contractId } = c.req.valid('param');
      const { table } = commandContextOf(c);
      const contract = await requireContract(table, vendorId, contractId);
      setEtag(c, contract.version);
      return c.json(await contractViewOf(table, contract, todayOf(c)), 200);
    });

    app.openapi(updateContractRoute, async (c) => {
      const { vendorId, contractId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const { view, version } = await updateContract(commandContextOf(c), vendorId, contractId, expected, c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(contractFindingsRoute, async (c) => {
      const { vendorId, contractId } = c.req.valid('param');
      return c.json(await contractFindingsOf(commandContextOf(c).table, vendorId, contractId), 200);
    });

    app.openapi(terminateContractRoute, async (c) => {
      const { vendorId, contractId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const { view, version } = await terminateContract(commandContextOf(c), vendorId, contractId, expected, c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(confirmReturnDeletionRoute, async (c) => {
      const { vendorId, contractId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const { view, version } = await confirmReturnDeletion(commandContextOf(c), vendorId, contractId, expected, c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 200);
    });

    // --- oversight checks ---

    app.openapi(createCheckRoute, async (c) => {
      const { view } = await recordOversightCheck(commandContextOf(c), c.req.valid('param').vendorId, c.req.valid('json'));
      return c.json(view, 201);
    });

    app.openapi(listChecksRoute, async (c) => {
      const { vendorId } = c.req.valid('param');
      return c.json(await listChecks(commandContextOf(c).table, vendorId, c.req.valid('query'), listBindingOf(c, 'vendor-oversight-checks', { vendorId })), 200);
    });

    registerQuestionnaireRoutes(app);
    registerReportRoutes(app);
  },
};

/** Public questionnaire endpoints (a single-use token, no credential): their own area and Lambda. */
export const vendorQuestionnairePublicArea = {
  name: 'vendorQuestionnairePublic',
  register: registerPublicQuestionnaireRoutes,
};
