/**
 * A request example and a response example for every operation with a JSON body or reply, put
 * into the OpenAPI document (media type `example`). Hand-written ones, keyed by operationId,
 * tell the flagship flows with real-looking values; every other example is built from the
 * operation's own schema (its fields' `example`, `enum`, `format` and `pattern`).
 * test/unit/openapi/operationExamples.test.ts parses each one with the route's own zod schema,
 * so an example that drifts from its schema fails there, not in an integrator's client.
 */
import type { OperationId } from './operationIds';

export interface OperationExample {
  /** The JSON request body. */
  request?: unknown;
  /** The JSON body of the success reply (the first 2xx status). */
  response?: unknown;
}

const at = '2026-03-02T01:30:00.000Z';

/** The flagship flows, and the bodies whose rules tie fields together (Art. 19 basis, keep-only grounds). */
const memberRecordsFile = {
  id: '111-1',
  name: '會員資料 / Member records',
  specificPurposes: ['〇六九'],
  dataCategories: [{ code: 'C001', content: '姓名、電子郵件、行動電話 / Name, e-mail, mobile' }],
  specialCategories: [],
  intendedUse: '會員服務與訂單處理 / Member services and orders',
  legalBasis: { art19: [2], art6: [], consentNotice: { method: 'art8Direct', channel: '官網註冊頁面勾選 / Sign-up page checkbox', writtenConsent: false } },
  subjectAttribute: 'consumer',
  regions: [{ country: 'TW', role: 'processing' }],
  retention: { period: '會員終止後5年 / Five years after membership ends', legalSource: '會員條款第12條 / Membership terms §12' },
  recordCount: 12000,
  recordCountAsOf: '2026-03-02',
  logLocation: '會員系統存取紀錄 / Member system access log',
  vendorIds: [],
  thirdPartyRecipients: [],
  status: 'active',
};

export const handWrittenExamples: Partial<Record<OperationId, OperationExample>> = {
  registerEvidence: {
    request: {
      title: '115年度個資教育訓練簽到表 / 2026 privacy training sign-in sheet',
      supports: [{ kind: 'assessmentItem', id: 'cas_01jq3z5k8m9n0p1q2r3s4t5v6w#1.1.1.1' }, { kind: 'duty', id: 'duty_training_all_staff' }],
      fileName: 'training-sign-in-2026.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 182044,
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      relatesToYear: 2026,
    },
  },
  setEvidenceLegalHold: {
    request: { on: true, reason: '個人資料保護委員會行政檢查調閱 / Kept for the Personal Data Protection Commission inspection' },
  },
  createDataSubjectRequest: {
    request: {
      receivedAt: at,
      channel: 'webForm',
      requester: { name: '陳美玲', email: 'meiling.chen@example.net', preferredLocale: 'zh-TW', actingAs: 'dataSubject' },
      items: [{ type: 'copy', details: '請提供本人會員帳號之個人資料複製本 / A copy of the personal data of my member account' }],
      identifiers: { otherIdentifiers: [] },
      assignee: { name: '林專員', email: 'dpo@acme.com.tw', locale: 'zh-TW' },
    },
  },
  lookUpOpenDataSubjectRequests: {
    request: { email: 'meiling.chen@example.net' },
  },
  submitPublicDataSubjectRequest: {
    request: { right: 'deletion', name: '陳美玲', email: 'meiling.chen@example.net', details: '請刪除本人之會員帳號資料 / Please delete my member account data', preferredLocale: 'zh-TW' },
  },
  createPersonalDataFile: { request: memberRecordsFile },
  replacePersonalDataFile: { request: memberRecordsFile },
  recordPurposeReview: {
    request: { decision: 'keep', reasonCategory: 'law', reason: '商業會計法第38條：會計憑證保存5年 / Business Entity Accounting Act Art. 38: keep vouchers 5 years', decidedOn: '2026-03-02', reviewAgainOn: '2027-03-02' },
  },
  addDataCategoryCode: {
    request: { code: 'C001', name: '會員編號 / Member number', sensitivity: 'general' },
  },
  registerRisk: {
    request: {
      id: 'R-004-1',
      fileIds: ['111-1'],
      libraryEntryIds: ['processing.inputEdit.tampering'],
      context: 'processing',
      operation: 'inputEdit',
      scenario: '離職員工帳號未停用，仍可修改會員資料 / A leaver\'s account can still edit member records',
      description: '帳號管理未與人事異動連動 / Accounts are not tied to HR changes',
      owner: '資訊部 / IT',
      status: 'open',
      targetDate: '2026-06-30',
      treatments: [],
      history: [],
    },
  },
  recordTrainingSession: {
    request: {
      title: '115年度個資保護教育訓練（第1梯次） / 2026 data protection training (sitting 1)',
      audience: 'allStaff',
      heldOn: '2026-03-02',
      topics: ['law', 'responsibilities', 'planRequirements', 'awareness'],
      trainer: '林小美（個資管理專職人員） / Lin Hsiao-mei (privacy officer)',
      durationMinutes: 120,
      attendees: [{ personId: 'tdp_3f1c9a0b7d2e4f6a8b0c1d2e' }, { name: '陳小華' }],
      evidenceKinds: ['attendanceSheet', 'assessment'],
      evidenceRefs: ['HR-TRN-2026-01 簽到表 / sign-in sheet'],
    },
  },
  updateTrainingSession: {
    request: { durationMinutes: 90, evidenceRefs: ['HR-TRN-2026-01 簽到表 / sign-in sheet', 'HR-TRN-2026-01 課後測驗 / quiz'] },
  },
  requestInspectionPack: {
    request: { periodFrom: '2025-01-01', periodTo: '2025-12-31' },
    response: {
      inspectionPackId: 'ipk_01jq3z5k8m9n0p1q2r3s4t5v6w',
      period: { from: '2025-01-01', to: '2025-12-31' },
      status: 'queued',
      requestedAt: at,
      requestedBy: 'key_01jq3z5k8m9n0p1q2r3s4t5v6w',
      progress: { stepsDone: 0, totalSteps: 11, currentStep: null, currentStepLabel: null },
    },
  },
  getInspectionPack: {
    response: {
      inspectionPackId: 'ipk_01jq3z5k8m9n0p1q2r3s4t5v6w',
      period: { from: '2025-01-01', to: '2025-12-31' },
      status: 'ready',
      requestedAt: at,
      requestedBy: 'key_01jq3z5k8m9n0p1q2r3s4t5v6w',
      startedAt: '2026-03-02T01:30:01.000Z',
      finishedAt: '2026-03-02T01:31:12.000Z',
      progress: { stepsDone: 11, totalSteps: 11, currentStep: null, currentStepLabel: null },
      archive: {
        fileName: '個資檢查資料包_2025-01-01_2025-12-31.zip',
        sizeBytes: 1843200,
        sha256: '9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d',
        fileCount: 23,
        listedOnlyCount: 1,
      },
      download: { url: 'https://evidence.example.com/t_01jq3z/inspection-packs/ipk_01jq3z5k8m9n0p1q2r3s4t5v6w.zip?X-Amz-Expires=900', expiresAt: '2026-03-02T01:46:12.000Z' },
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Examples built from a JSON Schema (the generated OpenAPI document's own schemas).

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
};

type Components = Record<string, JsonSchema>;

const formatExamples: Record<string, string> = {
  'date-time': at,
  date: '2026-03-02',
  time: '09:30:00',
  email: 'dpo@acme.com.tw',
  uri: 'https://www.acme.com.tw/privacy',
  url: 'https://www.acme.com.tw/privacy',
  uuid: '0f8c7c2e-4b7a-4e0e-9a53-7c1d2b9e6a10',
  duration: 'P1D',
  ipv4: '203.0.113.10',
};

/** A string that a regular expression accepts: the first alternative, one pass of each repeat. */
export function stringMatching(pattern: string): string | undefined {
  let index = 0;
  const out: string[] = [];
  const classChar = (negated: boolean, members: string): string => {
    if (!negated) {
      const range = /^(.)-(.)/.exec(members);
      if (members.startsWith('\\d')) return '1';
      if (members.startsWith('\\w')) return 'a';
      if (range) return range[1]!;
      return members.startsWith('\\') ? members[1]! : members[0]!;
    }
    for (const candidate of 'a1A-_x') if (!members.includes(candidate)) return candidate;
    return 'q';
  };
  // Parse one sequence until ')' or '|' at this depth; returns the generated text.
  const sequence = (): string => {
    let text = '';
    while (index < pattern.length && pattern[index] !== ')' && pattern[index] !== '|') {
      let atom = '';
      const char = pattern[index]!;
      if (char === '^' || char === '$') { index += 1; continue; }
      if (char === '(') {
        index += 1;
        if (pattern.startsWith('?:', index)) index += 2;
        else if (pattern.startsWith('?<', index)) index = pattern.indexOf('>', index) + 1;
        atom = alternation();
        index += 1; // ')'
      } else if (char === '[') {
        const end = pattern.indexOf(']', index + 2);
        const body = pattern.slice(index + 1, end);
        atom = body.startsWith('^') ? classChar(true, body.slice(1)) : classChar(false, body);
        index = end + 1;
      } else if (char === '\\') {
        const escaped = pattern[index + 1]!;
        atom = escaped === 'd' ? '1' : escaped === 'w' ? 'a' : escaped === 's' ? ' ' : escaped === 'D' || escaped === 'W' || escaped === 'S' ? '-' : escaped;
        index += 2;
      } else if (char === '.') {
        atom = 'a';
        index += 1;
      } else {
        atom = char;
        index += 1;
      }
      // Quantifier
      const quantifier = /^(\{(\d+)(,(\d*))?\}|\?|\*|\+)\??/.exec(pattern.slice(index));
      let times = 1;
      if (quantifier) {
        index += quantifier[0].length;
        if (quantifier[1] === '?' || quantifier[1] === '*') times = quantifier[1] === '*' ? 1 : 1;
        else if (quantifier[1] === '+') times = 1;
        else times = Number(quantifier[2]);
      }
      text += atom.repeat(times);
    }
    return text;
  };
  const alternation = (): string => {
    const first = sequence();
    while (pattern[index] === '|') {
      index += 1;
      sequence();
    }
    return first;
  };
  try {
    out.push(alternation());
    const candidate = out.join('');
    return new RegExp(pattern).test(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function fitLength(value: string, schema: JsonSchema): string {
  let text = value;
  if (schema.minLength !== undefined && text.length < schema.minLength) text = text.padEnd(schema.minLength, 'x');
  if (schema.maxLength !== undefined && text.length > schema.maxLength) text = text.slice(0, schema.maxLength);
  return text;
}

/**
 * Values the domain checks beyond the schema's shape (check digits, code lists, catalogues),
 * by field name; a hint is used only where it fits the field's own pattern.
 */
const fieldHints: Record<string, readonly string[]> = {
  specificPurposes: ['〇六九'],
  purposes: ['〇六九'],
  code: ['〇六九', 'C001'],
  dataCategories: ['C001'],
  number: ['04595257'],
  taxId: ['04595257'],
  nationalId: ['A123456789'],
  clauseId: ['scopeCategoriesPurposePeriod'],
  basedOnClauseId: ['scopeCategoriesPurposePeriod'],
  email: ['dpo@acme.com.tw'],
  phone: ['+886-2-2345-6789'],
};

/** Calendar dates are refinements (no `format` in the schema); their names say what they are. */
const looksLikeCalendarDate = (name: string) => /(?:On|Date|AsOf)$|^(?:on|date|asOf)$/.test(name);

function stringExample(schema: JsonSchema, name: string): string {
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const candidates = [
    schema.format ? formatExamples[schema.format] : undefined,
    ...(fieldHints[name] ?? []),
    !schema.format && looksLikeCalendarDate(name) ? '2026-03-02' : undefined,
    `${name || 'text'} 範例`,
  ].filter((candidate): candidate is string => candidate !== undefined).map((candidate) => fitLength(candidate, schema));
  const accepted = candidates.find((candidate) => !pattern || pattern.test(candidate));
  if (accepted !== undefined) return accepted;
  const synthesized = stringMatching(schema.pattern!);
  return synthesized !== undefined ? synthesized : candidates[0]!;
}

function numberExample(schema: JsonSchema, integer: boolean): number {
  const lowest = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : schema.minimum;
  const highest = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 0.5) : schema.maximum;
  let value = lowest ?? (highest !== undefined ? Math.min(1, highest) : 1);
  if (highest !== undefined && value > highest) value = highest;
  if (schema.multipleOf) value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  return integer ? Math.ceil(value) : value;
}

const MAX_DEPTH = 12;

/** An example value for a JSON Schema; `undefined` only where nothing can be built (deep cycles). */
export function exampleOf(schema: JsonSchema, components: Components, name = '', depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (schema.$ref) {
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    return target ? exampleOf(target, components, name, depth + 1) : undefined;
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum.find((value) => value !== null) ?? schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.allOf?.length) {
    const parts = schema.allOf.map((part) => exampleOf(part, components, name, depth + 1));
    return parts.every((part) => part && typeof part === 'object' && !Array.isArray(part)) ? Object.assign({}, ...parts) : parts[0];
  }
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches?.length) {
    const branch = branches.find((candidate) => candidate.type !== 'null') ?? branches[0]!;
    return exampleOf(branch, components, name, depth + 1);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type = types.find((candidate) => candidate !== 'null') ?? (schema.properties ? 'object' : types[0]);
  switch (type) {
    case 'string':
      return stringExample(schema, name);
    case 'integer':
      return numberExample(schema, true);
    case 'number':
      return numberExample(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((item) => exampleOf(item, components, name, depth + 1));
      const item = schema.items ? exampleOf(schema.items, components, name, depth + 1) : undefined;
      if (item === undefined) return [];
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(property) ?? false;
        // Optional fields deep down are left out: the example stays readable and cycles end.
        if (!required && depth > 6) continue;
        const example = exampleOf(propertySchema, components, property, depth + 1);
        if (example !== undefined) value[property] = example;
      }
      return value;
    }
    default:
      // `{}` (any value, e.g. a changed field's old and new value): a string stands for it.
      return Object.keys(schema).filter((key) => key !== 'description').length === 0 ? `${name || 'value'} 範例` : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Putting the examples into the document.

type MediaType = { schema?: JsonSchema; example?: unknown; examples?: unknown };
type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
};
type Document = { paths?: Record<string, Record<string, unknown>>; components?: { schemas?: Components } };

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The JSON media type of a body or reply, when it has one. */
export function jsonMediaOf(content: Record<string, MediaType> | undefined): MediaType | undefined {
  return content?.['application/json'];
}

/** The success reply of an operation: the first 2xx status, with its JSON media type if any. */
export function successReplyOf(operation: Operation): { status: string; media: MediaType | undefined } | undefined {
  const status = Object.keys(operation.responses ?? {}).filter((code) => code.startsWith('2')).sort()[0];
  return status ? { status, media: jsonMediaOf(operation.responses![status]!.content) } : undefined;
}

/** The examples an operation gets: the hand-written ones where there are, else built from its schemas. */
export function examplesOf(operation: Operation, components: Components): OperationExample {
  const written = operation.operationId ? handWrittenExamples[operation.operationId as OperationId] : undefined;
  const requestMedia = jsonMediaOf(operation.requestBody?.content);
  const reply = successReplyOf(operation);
  return {
    ...(requestMedia?.schema ? { request: written?.request ?? exampleOf(requestMedia.schema, components) } : {}),
    ...(reply?.media?.schema ? { response: written?.response ?? exampleOf(reply.media.schema, components) } : {}),
  };
}

/** Adds the request and success-reply examples to every operation of the document (in place). */
export function addOperationExamples<D extends Document>(document: D): D {
  const components = document.components?.schemas ?? {};
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const examples = examplesOf(operation, components);
      const requestMedia = jsonMediaOf(operation.requestBody?.content);
      if (requestMedia && examples.request !== undefined) requestMedia.example = examples.request;
      const reply = successReplyOf(operation);
      if (reply?.media && examples.response !== undefined) reply.media.example = examples.response;
    }
  }
  return document;
}
