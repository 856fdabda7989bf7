import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { validationProblem } from './validation.js';

/** A new Hono sub-app with the API's validation hook (zod errors → 400 problem naming fields). */
export function routeGroup(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result.error, result.target);
    },
  });
}
