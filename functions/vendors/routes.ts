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
import { defineRoute, jsonBody, jsonContent } from '../http/route';
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

const createVendorRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors',
  tags: TAG,
  summary: '登錄受託者（含複委託對象）/ Register a vendor (or a sub-processor)',
  description: 'Creates the vendor and its yearly oversight duty (Rules Art. 8 ¶3) in one transaction. Set `parentVendorId` for a sub-processor (複委託).',
  access: vendorWriteAccess,
  request: { body: jsonBody(createVendorSchema) },
  responses: { 201: jsonContent(vendorViewSchema, 'The vendor with its derived criticality') },
});

const listVendorsRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors',
  tags: TAG,
  summary: '受託者清單 / List vendors',
  access: vendorReadAccess,
  request: { query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(vendorViewSchema, 'VendorPage'), 'Vendors') },
});

const getVendorRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}',
  tags: TAG,
  summary: '受託者 / A vendor',
  access: vendorReadAccess,
  request: { params: vendorParams },
  responses: { 200: jsonContent(vendorViewSchema, 'The vendor') },
});

const updateVendorRoute = defineRoute({
  method: 'patch',
  path: '/v1/vendors/{vendorId}',
  tags: TAG,
  summary: '修改受託者 / Update a vendor',
  access: vendorWriteAccess,
  request: { params: vendorParams, body: jsonBody(updateVendorSchema) },
  responses: { 200: jsonContent(vendorViewSchema, 'The updated vendor') },
});

const subProcessorsRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}/sub-processors',
  tags: TAG,
  summary: '複委託對象 / Sub-processors of a vendor',
  access: vendorReadAccess,
  request: { params: vendorParams, query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(vendorViewSchema, 'SubProcessorPage'), 'Direct sub-processors') },
});

const createContractRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors/{vendorId}/contracts',
  tags: TAG,
  summary: '登錄委外契約 / Record an entrustment contract',
  description: 'The end date (if any) becomes a one-time `vendorContractEnd` duty.',
  access: vendorWriteAccess,
  request: { params: vendorParams, body: jsonBody(createContractSchema) },
  responses: { 201: jsonContent(contractViewSchema, 'The contract') },
});

const listContractsRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}/contracts',
  tags: TAG,
  summary: '受託者之委外契約 / Contracts of a vendor',
  access: vendorReadAccess,
  request: { params: vendorParams, query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(contractViewSchema, 'VendorContractPage'), 'Contracts') },
});

const getContractRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}/contracts/{contractId}',
  tags: TAG,
  summary: '委外契約 / A contract',
  access: vendorReadAccess,
  request: { params: contractParams },
  responses: { 200: jsonContent(contractViewSchema, 'The contract') },
});

const updateContractRoute = defineRoute({
  method: 'patch',
  path: '/v1/vendors/{vendorId}/contracts/{contractId}',
  tags: TAG,
  summary: '更新契約條款檢核表 / Update the clause checklist',
  access: vendorWriteAccess,
  request: { params: contractParams, body: jsonBody(updateContractSchema) },
  responses: { 200: jsonContent(contractViewSchema, 'The updated contract') },
});

const contractFindingsRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}/contracts/{contractId}/findings',
  tags: TAG,
  summary: '契約缺漏條款 / Missing clauses (with article citations)',
  access: vendorReadAccess,
  request: { params: contractParams },
  responses: { 200: jsonContent(contractFindingsViewSchema, 'Findings against Enforcement Rules Art. 8 ¶2') },
});

const terminateContractRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors/{vendorId}/contracts/{contractId}/terminate',
  tags: TAG,
  summary: '終止委外契約 / Terminate a contract',
  description: 'Opens the return/deletion obligation (Rules Art. 8 ¶2 item 6) with its due date, as a one-time `vendorReturnDeletion` duty.',
  access: vendorWriteAccess,
  request: { params: contractParams, body: jsonBody(contractTerminationInputSchema.openapi('VendorContractTermination')) },
  responses: { 200: jsonContent(contractViewSchema, 'The terminated contract and its obligation') },
});

const confirmReturnDeletionRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors/{vendorId}/contracts/{contractId}/return-deletion-confirmation',
  tags: TAG,
  summary: '確認個資已返還或刪除 / Confirm the data was returned or deleted',
  description: 'Closes the obligation; the record is kept at least 5 years (`retainUntil`).',
  access: vendorWriteAccess,
  request: { params: contractParams, body: jsonBody(returnDeletionConfirmationSchema.openapi('VendorReturnDeletionConfirmation')) },
  responses: { 200: jsonContent(contractViewSchema, 'The contract with the closed obligation') },
});

const createCheckRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors/{vendorId}/oversight-checks',
  tags: TAG,
  summary: '記錄委外監督確認結果 / Record an oversight check',
  description: 'Completes the vendor\'s open oversight task and schedules the next one a year after the check; a certificate\'s expiry becomes a `vendorCertificateExpiry` duty.',
  access: vendorWriteAccess,
  request: { params: vendorParams, body: jsonBody(createOversightCheckSchema) },
  responses: { 201: jsonContent(oversightCheckViewSchema, 'The recorded check') },
});

const listChecksRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}/oversight-checks',
  tags: TAG,
  summary: '委外監督紀錄 / Oversight checks of a vendor (newest first)',
  access: vendorReadAccess,
  request: { params: vendorParams, query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(oversightCheckViewSchema, 'VendorOversightCheckPage'), 'Checks') },
});

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
