/** zod schemas shared by several route groups (OpenAPI components). */
import { z } from '@hono/zod-openapi';
import { TOKEN_SCOPES, WORKSPACE_ROLES } from '@brandsafe/db';

export const Email = z.email().max(254).openapi({ example: 'ada@example.com' });
export const Role = z.enum(WORKSPACE_ROLES).openapi('Role');
export const Scope = z.enum(TOKEN_SCOPES).openapi('Scope');

export const UserSchema = z
  .object({ id: z.uuid(), email: z.string(), displayName: z.string().nullable(), emailVerified: z.boolean() })
  .openapi('User');

export const WorkspaceSchema = z.object({ id: z.uuid(), name: z.string(), slug: z.string() }).openapi('Workspace');

export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
