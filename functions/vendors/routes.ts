/**
 * 委外監督 (vendor oversight): vendors and their sub-processors, entrustment contracts with the
 * Art. 8 clause checklist, periodic oversight checks, termination with return/deletion.
 * Questionnaire links and reports are in their own modules; this file registers the whole area.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { compareIsoDate } from '../../domain/shared/isoDate';
import { contractFindings, effectiveContractEnd, type Contract } from '../../domain/vendor/contract';
import { confirmReturnOrDeletion, contractTerminationInputSchema, returnDeletionConfirmationSchema, terminateContract } from '../../domain/vendor/termination';
import { tenantMutationScope, tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { ApiProblem } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { newId } from '../store/ids';
import { deadlineDoneWrites, deadlineWrites, loadDeadline } from '../reviews/dutyStore';
import { commitAudited, WriteConflictError, type AuditedChange, type TransactItem } from '../store/auditedCommit';
import { getEntity, mapWriteConflict, putEntityWrite, queryPage } from '../store/entityStore';
import { registerPublicQuestionnaireRoutes, registerQuestionnaireRoutes } from './questionnaireRoutes';
import { registerReportRoutes } from './reportRoutes';
import {
  certificateDutyId,
  certificateExpiryDeadline,
  contractEndDeadline,
  contractEndDutyId,
  oversightCheckDutyWrites,
  oversightDutyCreateWrites,
  oversightDutyId,
  returnDeletionDeadline,
  returnDeletionDutyId,
} from './vendorDuties';
import {
  contractFindingsViewSchema,
  contractParams,
  contractViewSchema,
  createContractSchema,
  createOversightCheckSchema,
  createVendorSchema,
  oversightCheckViewSchema,
  toCheckView,
  toContractView,
  toVendorView,
  updateContractSchema,
  updateVendorSchema,
  vendorParams,
  vendorViewSchema,
} from './vendorModel';
import {
  checkItem,
  contractItem,
  partitionQuery,
  recordOf,
  vendorChildrenQuery,
  vendorItem,
  vendorKeys,
  vendorPartitions,
  subProcessorsQuery,
  type CheckRecord,
  type ContractRecord,
  type ResponseRecord,
  type VendorRecord,
} from './vendorStore';
import {
  assertVendorHierarchy,
  hasSubProcessors,
  requireContract,
  requireVendor,
  todayOf,
  vendorProblem,
  vendorReadAccess,
  vendorWriteAccess,
} from './vendorSupport';

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

const vendorExists = (tableName: string, vendorId: string): TransactItem => ({
  ConditionCheck: { TableName: tableName, Key: vendorKeys.vendor(vendorId), ConditionExpression: 'attribute_exists(pk)' },
});

async function contractView(c: ApiContext, contract: ContractRecord) {
  const findings = contractFindings(contract, { hasSubProcessors: await hasSubProcessors(c, contract.vendorId) });
  return toContractView(contract, findings, todayOf(c));
}

export const vendorsArea = {
  name: 'vendors',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createVendorRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      const now = deps.clock().toISOString();
      const id = newId('vnd');
      await assertVendorHierarchy(c, { id, ...(input.parentVendorId ? { parentVendorId: input.parentVendorId } : {}) });
      const record: VendorRecord = { ...input, id, tenantId: tenant.tenantId, createdAt: now, updatedAt: now, version: 1 };
      const oversight = oversightDutyCreateWrites(tenant.tableName, record);
      const view = toVendorView(record);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [
            { action: 'vendor.create', resourceType: 'vendor', resourceId: id, before: null, after: view },
            { action: 'duty.create', resourceType: 'duty', resourceId: oversight.duty.dutyId, before: null, after: oversight.duty },
          ],
          writes: [
            putEntityWrite(tenant.tableName, vendorItem(record), null),
            ...oversight.writes,
            // The parent must still exist when the link is written (checked above, enforced here).
            ...(record.parentVendorId ? [vendorExists(tenant.tableName, record.parentVendorId)] : []),
          ],
          response: { status: 201, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'create');
      }
      setEtag(c, 1);
      return c.json(view, 201);
    });

    app.openapi(listVendorsRoute, async (c) => {
      const page = await queryPage(c, 'vendors', {}, c.req.valid('query'), partitionQuery(vendorPartitions.vendors), (item) => toVendorView(recordOf<VendorRecord>(item)));
      return c.json(page, 200);
    });

    app.openapi(getVendorRoute, async (c) => {
      const vendor = await requireVendor(c, c.req.valid('param').vendorId);
      setEtag(c, vendor.version);
      return c.json(toVendorView(vendor), 200);
    });

    app.openapi(updateVendorRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const { vendorId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const current = await requireVendor(c, vendorId);
      assertVersion(current.version, expected);
      const { parentVendorId, ...fields } = c.req.valid('json');
      const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const next: VendorRecord = { ...current, ...defined, version: current.version + 1, updatedAt: deps.clock().toISOString() };
      if (parentVendorId === null) delete next.parentVendorId;
      else if (parentVendorId !== undefined) next.parentVendorId = parentVendorId;
      if (next.parentVendorId !== current.parentVendorId) await assertVendorHierarchy(c, next);
      const view = toVendorView(next);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'vendor.update', resourceType: 'vendor', resourceId: vendorId, before: toVendorView(current), after: view }],
          writes: [
            putEntityWrite(tenant.tableName, vendorItem(next), current.version),
            ...(next.parentVendorId && next.parentVendorId !== current.parentVendorId ? [vendorExists(tenant.tableName, next.parentVendorId)] : []),
          ],
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, next.version);
      return c.json(view, 200);
    });

    app.openapi(subProcessorsRoute, async (c) => {
      const { vendorId } = c.req.valid('param');
      await requireVendor(c, vendorId);
      const page = await queryPage(c, 'vendor-sub-processors', { vendorId }, c.req.valid('query'), subProcessorsQuery(vendorId), (item) => toVendorView(recordOf<VendorRecord>(item)));
      return c.json(page, 200);
    });

    // --- contracts ---

    app.openapi(createContractRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const { vendorId } = c.req.valid('param');
      const vendor = await requireVendor(c, vendorId);
      const input = c.req.valid('json');
      const now = deps.clock().toISOString();
      const today = todayOf(c);
      const id = newId('vct');
      const record: ContractRecord = { ...input, vendorId: vendor.id, id, tenantId: tenant.tenantId, createdAt: now, updatedAt: now, version: 1 };
      // A contract that already ended when recorded needs no reminder of its end; only a coming end is chased.
      const end = effectiveContractEnd(record, today);
      const endDeadline = end !== null && compareIsoDate(end, today) >= 0 ? contractEndDeadline(record, end) : null;
      const view = await contractView(c, record);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [
            { action: 'vendorContract.create', resourceType: 'vendorContract', resourceId: id, before: null, after: view },
            ...(endDeadline ? [{ action: 'duty.create', resourceType: 'duty', resourceId: contractEndDutyId(id), before: null, after: endDeadline }] : []),
          ],
          writes: [
            putEntityWrite(tenant.tableName, contractItem(record), null),
            vendorExists(tenant.tableName, vendor.id),
            ...(endDeadline ? deadlineWrites(tenant.tableName, endDeadline, null, now) : []),
          ],
          response: { status: 201, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'create');
      }
      setEtag(c, 1);
      return c.json(view, 201);
    });

    app.openapi(listContractsRoute, async (c) => {
      const { vendorId } = c.req.valid('param');
      await requireVendor(c, vendorId);
      const subProcessors = await hasSubProcessors(c, vendorId);
      const today = todayOf(c);
      const page = await queryPage(c, 'vendor-contracts', { vendorId }, c.req.valid('query'), vendorChildrenQuery(vendorId, 'CONTRACT#'), (item) => {
        const contract = recordOf<ContractRecord>(item);
        return toContractView(contract, contractFindings(contract, { hasSubProcessors: subProcessors }), today);
      });
      return c.json(page, 200);
    });

    app.openapi(getContractRoute, async (c) => {
      const { vendorId, contractId } = c.req.valid('param');
      const contract = await requireContract(c, vendorId, contractId);
      setEtag(c, contract.version);
      return c.json(await contractView(c, contract), 200);
    });

    app.openapi(updateContractRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const { vendorId, contractId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const current = await requireContract(c, vendorId, contractId);
      assertVersion(current.version, expected);
      if (current.terminatedOn !== undefined) {
        throw new ApiProblem('conflict', { code: 'CONTRACT_ALREADY_TERMINATED', detail: { zhTW: '已終止之委外契約不可再修改', en: 'A terminated contract can no longer be changed' } });
      }
      const patch = c.req.valid('json');
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next: ContractRecord = { ...current, ...defined, version: current.version + 1, updatedAt: deps.clock().toISOString() };
      const view = await contractView(c, next);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'vendorContract.update', resourceType: 'vendorContract', resourceId: contractId, before: await contractView(c, current), after: view }],
          writes: [putEntityWrite(tenant.tableName, contractItem(next), current.version)],
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, next.version);
      return c.json(view, 200);
    });

    app.openapi(contractFindingsRoute, async (c) => {
      const { vendorId, contractId } = c.req.valid('param');
      const contract = await requireContract(c, vendorId, contractId);
      const subProcessors = await hasSubProcessors(c, vendorId);
      return c.json({ contractId, vendorId, hasSubProcessors: subProcessors, findings: contractFindings(contract, { hasSubProcessors: subProcessors }) }, 200);
    });

    app.openapi(terminateContractRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const { vendorId, contractId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const current = await requireContract(c, vendorId, contractId);
      assertVersion(current.version, expected);
      const input = c.req.valid('json');
      const outcome = terminateContract(current as Contract, input);
      if (!outcome.ok) throw vendorProblem(outcome.error, outcome.error.code === 'TERMINATION_BEFORE_CONTRACT_START' ? 'terminatedOn' : undefined);
      const now = deps.clock().toISOString();
      const { obligation } = outcome.value;
      const next: ContractRecord = {
        ...current,
        terminatedOn: input.terminatedOn,
        terminationReason: input.reason,
        returnDeletion: obligation,
        version: current.version + 1,
        updatedAt: now,
      };
      const deadline = returnDeletionDeadline(next, obligation.dueOn);
      const [existingReturn, existingEnd] = await Promise.all([
        loadDeadline(tenant.doc, tenant.tableName, returnDeletionDutyId(contractId)),
        loadDeadline(tenant.doc, tenant.tableName, contractEndDutyId(contractId)),
      ]);
      // The end-of-contract reminder is answered by the termination itself.
      const endDone = existingEnd?.openTask
        ? deadlineDoneWrites(tenant.tableName, existingEnd.duty, existingEnd.openTask, { by: c.get('principal').actorId, at: now, notes: `Contract terminated on ${input.terminatedOn}` })
        : [];
      const view = await contractView(c, next);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [
            { action: 'vendorContract.terminate', resourceType: 'vendorContract', resourceId: contractId, before: await contractView(c, current), after: view },
            { action: 'duty.create', resourceType: 'duty', resourceId: returnDeletionDutyId(contractId), before: null, after: deadline },
          ],
          writes: [putEntityWrite(tenant.tableName, contractItem(next), current.version), ...deadlineWrites(tenant.tableName, deadline, existingReturn, now), ...endDone],
          response: { status: 200, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, next.version);
      return c.json(view, 200);
    });

    app.openapi(confirmReturnDeletionRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const { vendorId, contractId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const current = await requireContract(c, vendorId, contractId);
      assertVersion(current.version, expected);
      if (!current.returnDeletion) {
        throw new ApiProblem('conflict', {
          code: 'CONTRACT_NOT_TERMINATED',
          detail: { zhTW: '契約尚未終止，沒有待確認之返還／刪除義務', en: 'The contract has not been terminated; there is no return/deletion obligation to confirm' },
        });
      }
      const input = c.req.valid('json');
      const outcome = confirmReturnOrDeletion(current.returnDeletion, input);
      if (!outcome.ok) {
        const field = outcome.error.code === 'CONFIRMATION_EVIDENCE_REQUIRED' ? 'evidenceRefs' : outcome.error.code === 'CONFIRMATION_BEFORE_OBLIGATION' ? 'confirmedOn' : undefined;
        throw vendorProblem(outcome.error, field);
      }
      const now = deps.clock().toISOString();
      const next: ContractRecord = { ...current, returnDeletion: outcome.value, version: current.version + 1, updatedAt: now };
      const deadline = await loadDeadline(tenant.doc, tenant.tableName, returnDeletionDutyId(contractId));
      const done = deadline?.openTask
        ? deadlineDoneWrites(tenant.tableName, deadline.duty, deadline.openTask, {
            by: input.confirmedBy,
            at: now,
            notes: `${input.method} confirmed on ${input.confirmedOn}; evidence: ${input.evidenceRefs.join(', ')}`,
          })
        : [];
      const view = await contractView(c, next);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'vendorContract.confirmReturnDeletion', resourceType: 'vendorContract', resourceId: contractId, before: await contractView(c, current), after: view }],
          writes: [putEntityWrite(tenant.tableName, contractItem(next), current.version), ...done],
          response: { status: 200, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, next.version);
      return c.json(view, 200);
    });

    // --- oversight checks ---

    app.openapi(createCheckRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const { vendorId } = c.req.valid('param');
      const vendor = await requireVendor(c, vendorId);
      const input = c.req.valid('json');
      const extraWrites: TransactItem[] = [];
      if (input.method.kind === 'selfAssessmentQuestionnaire') {
        // The check must rest on a submitted self-assessment of THIS vendor; the write re-checks it is unchanged.
        const response = await getEntity<ResponseRecord>(tenant.doc, tenant.tableName, vendorKeys.response(vendorId, input.method.responseId));
        if (!response || response.status === 'draft') {
          const reason = { zhTW: '須為此受託者已送出之自我檢查表', en: 'Must be a submitted self-assessment of this vendor' };
          throw new ApiProblem('ruleViolation', { code: 'QUESTIONNAIRE_RESPONSE_NOT_USABLE', detail: reason, errors: [{ field: 'method.responseId', reason }] });
        }
        extraWrites.push({
          ConditionCheck: {
            TableName: tenant.tableName,
            Key: vendorKeys.response(vendorId, response.id),
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':v': response.version },
          },
        });
      }
      const now = deps.clock().toISOString();
      const id = newId('vck');
      const record: CheckRecord = {
        id,
        tenantId: tenant.tenantId,
        vendorId,
        method: input.method,
        date: input.date,
        reviewer: input.reviewer,
        result: input.result,
        findings: input.findings.map((finding) => ({ id: newId('vof'), ...finding })),
        evidenceRefs: input.evidenceRefs,
        recordedBy: c.get('principal').actorId,
        createdAt: now,
        version: 1,
      };
      const oversight = await loadDeadline(tenant.doc, tenant.tableName, oversightDutyId(vendorId));
      const dutyWrites = oversightCheckDutyWrites(tenant.tableName, oversight, record, now);
      const changes: AuditedChange[] = [{ action: 'vendorOversightCheck.create', resourceType: 'vendorOversightCheck', resourceId: id, before: null, after: toCheckView(record) }];
      if (input.method.kind === 'thirdPartyReport') {
        const certificate = input.method.certificate;
        const existing = await loadDeadline(tenant.doc, tenant.tableName, certificateDutyId(vendorId, certificate.standard));
        // Only a later expiry moves the deadline: recording an older certificate must not pull it back.
        if (!existing || compareIsoDate(certificate.validUntil, existing.duty.anchorDate) > 0) {
          const spec = certificateExpiryDeadline(vendor, certificate);
          extraWrites.push(...deadlineWrites(tenant.tableName, spec, existing, now));
          changes.push({ action: existing ? 'duty.update' : 'duty.create', resourceType: 'duty', resourceId: certificateDutyId(vendorId, certificate.standard), before: existing?.duty ?? null, after: spec });
        }
      }
      const view = toCheckView(record);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes,
          writes: [putEntityWrite(tenant.tableName, checkItem(record), null), vendorExists(tenant.tableName, vendorId), ...dutyWrites, ...extraWrites],
          response: { status: 201, body: view },
        });
      } catch (error) {
        if (error instanceof WriteConflictError) {
          // A concurrent change moved the same duty or response between our read and the write.
          throw new ApiProblem('conflict', { code: 'CONCURRENT_CHANGE', detail: { zhTW: '相關紀錄同時被變更，請重試', en: 'A related record changed at the same time; please retry' } });
        }
        throw error;
      }
      return c.json(view, 201);
    });

    app.openapi(listChecksRoute, async (c) => {
      const { vendorId } = c.req.valid('param');
      await requireVendor(c, vendorId);
      const page = await queryPage(c, 'vendor-oversight-checks', { vendorId }, c.req.valid('query'), { ...vendorChildrenQuery(vendorId, 'CHECK#'), ScanIndexForward: false }, (item) =>
        toCheckView(recordOf<CheckRecord>(item)),
      );
      return c.json(page, 200);
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
