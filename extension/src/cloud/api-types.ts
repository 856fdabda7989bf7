/**
 * The shapes the extension reads from the brandsafe API (server/src/routes/*, as published in
 * /api/openapi.json). Only the fields the editor uses are declared; the server may send more.
 */

/** The review pipeline (DESIGN.md "Review and audit"). */
export const GENERATION_STATUSES = ['GENERATED', 'QA_REVIEW', 'APPROVED', 'DEPLOYED', 'REJECTED', 'DEPLOY_FAILED'] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

export type Scope = 'read' | 'generate' | 'review' | 'admin';
export type Role = 'owner' | 'admin' | 'editor' | 'reviewer' | 'viewer';

export interface Me {
  user: { id: string; email: string; displayName: string | null };
  workspace: { id: string; name: string; slug: string };
  role: Role;
  scopes: Scope[];
  via: 'session' | 'token';
}

export interface Brand {
  id: string;
  name: string;
  latestVersion: string | null;
}

export interface Member {
  userId: string;
  email: string;
  role: Role;
}

export interface Position {
  line: number;
  character: number;
}

/** A checker finding as the API reports it (packages/rules Finding, JSON form). */
export interface ApiFinding {
  ruleId?: string;
  code?: string;
  severity: string;
  message: string;
  range?: { start: Position; end: Position };
}

export interface TemplateParameter {
  name: string;
  type: string;
  required: boolean;
  default?: string | number | boolean;
  pageType?: string;
  description?: string;
  /** Allowed values of an enumerated parameter, when the brand declares them. */
  values?: string[];
}

export interface BrandTemplate {
  id: string;
  label?: string;
  description?: string;
  testType: string;
  pageTypes?: string[];
  parameters: TemplateParameter[];
}

export interface BrandSelector {
  id: string;
  css: string;
  label?: string;
  description?: string;
  pageTypes?: string[];
  stability?: string;
}

export interface GenerationSummary {
  id: string;
  brandId: string;
  authorId: string | null;
  status: GenerationStatus;
  testType: string;
  description: string;
  templateId: string | null;
  pageType: string | null;
  provider: string;
  findings: ApiFinding[];
  confidence: number;
  createdAt: string;
  updatedAt: string;
}

export interface Generation extends GenerationSummary {
  code: string;
  parameters: Record<string, unknown>;
}

export interface GenerationTransition {
  id: string;
  from: GenerationStatus;
  to: GenerationStatus;
  actorId: string | null;
  note: string | null;
  overrideReason: string | null;
  createdAt: string;
}

export interface CodeCorrection {
  id: string;
  authorId: string | null;
  kind: string;
  reason: string;
  code: string;
  diff: string;
  createdAt: string;
}

export interface GenerationDetail extends Generation {
  transitions: GenerationTransition[];
  corrections: CodeCorrection[];
  allowedTransitions: GenerationStatus[];
}

export interface GenerateRequest {
  brandId: string;
  testType: string;
  description: string;
  templateId?: string;
  pageType?: string;
  parameters?: Record<string, string | number | boolean>;
}

export const CORRECTION_KINDS = ['selector', 'rule-violation', 'logic', 'style', 'copy', 'performance', 'other'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export interface AuditEvent {
  id: string;
  seq: string;
  type: string;
  actor: string;
  at: string;
  payload: Record<string, unknown>;
  leafIndex?: number | null;
}

export interface LogKey {
  publicKey: string;
  logId: string;
  origin: string;
  verifierKey: string;
}

/** An RFC 9457 problem body with the brandsafe extension members. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  findings?: ApiFinding[];
  limit?: number;
  usage?: number;
  quota?: string;
  upgrade?: string | null;
  retryAfter?: number;
  requestId?: string;
  /** Generation problems: the template parameter at fault and the template the server chose. */
  parameter?: string;
  templateId?: string;
  suggestions?: string[];
}
