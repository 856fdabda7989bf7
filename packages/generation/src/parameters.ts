/**
 * Validating request parameters against a template's typed parameters (bs:TemplateParameter):
 * unknown names are refused, required ones must have a value or a default, and each value is
 * parsed by its declared type before anything is emitted.
 */
import type { Brand, Template, TemplateParameter } from '@brandsafe/brand-kit';
import colorString from 'color-string';
import { GenerationError } from './error.js';
import type { ParamValue } from './literal.js';
import { resolveSelector } from './selector-param.js';

function bad(param: TemplateParameter, expected: string, value: unknown): GenerationError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  return new GenerationError('INVALID_PARAMETER', `parameter "${param.name}" must be ${expected}, got ${shown}`, {
    details: { parameter: param.name },
  });
}

function asString(param: TemplateParameter, value: unknown, expected: string): string {
  if (typeof value !== 'string') throw bad(param, expected, value);
  return value;
}

/** An absolute http(s) URL, or a root-relative path (`/sale`, not `//host`). */
function parseUrl(param: TemplateParameter, value: unknown): string {
  const text = asString(param, value, 'an http(s) URL or a path starting with /').trim();
  if (/^\/(?![/\\])/.test(text) && !/[\s\\]/.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch (e) {
    throw new GenerationError('INVALID_PARAMETER', `parameter "${param.name}" is not a URL: ${JSON.stringify(text)}`, {
      cause: e,
      details: { parameter: param.name },
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad(param, 'an http(s) URL', text);
  return url.href;
}

/** One value, parsed by the parameter's type. Strings from defaults go through the same path. */
export function parseParameter(brand: Brand, param: TemplateParameter, value: unknown, pageType?: string): ParamValue {
  switch (param.type) {
    case 'selector':
      return { kind: 'string', value: resolveSelector(brand, param, asString(param, value, 'a selector (css or id)'), pageType).css };
    case 'text':
      if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'string', value: String(value) };
      return { kind: 'string', value: asString(param, value, 'text') };
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw bad(param, 'a finite number', value);
      return { kind: 'number', value: n };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { kind: 'boolean', value };
      if (value === 'true' || value === 'false') return { kind: 'boolean', value: value === 'true' };
      throw bad(param, 'true or false', value);
    case 'url':
      return { kind: 'string', value: parseUrl(param, value) };
    case 'color': {
      // color-string accepts exactly CSS hex, rgb[a](), hsl[a](), hwb() and named colours.
      const text = asString(param, value, 'a CSS colour').trim();
      if (colorString.get(text) === null) throw bad(param, 'a CSS colour (#hex, rgb(), hsl(), hwb() or a name)', text);
      return { kind: 'string', value: text };
    }
  }
}

/**
 * All values a template needs: request values parsed by type, defaults for the missing ones.
 * Throws INVALID_PARAMETER for a name the template does not declare, MISSING_PARAMETER for a
 * required parameter without value or default.
 */
export function resolveParameters(
  brand: Brand,
  template: Template,
  given: Record<string, unknown> = {},
  pageType?: string,
): Map<string, ParamValue> {
  const declared = new Map(template.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      throw new GenerationError(
        'INVALID_PARAMETER',
        `template "${template.id}" has no parameter "${name}"; it takes: ${[...declared.keys()].join(', ') || 'none'}`,
        { details: { parameter: name, templateId: template.id, suggestions: [...declared.keys()] } },
      );
    }
  }
  const values = new Map<string, ParamValue>();
  for (const param of template.parameters) {
    const raw = Object.hasOwn(given, param.name) && given[param.name] != null ? given[param.name] : param.default;
    if (raw === undefined) {
      // An optional text or boolean without a default reads as empty / false; other optional
      // types stay unset, and a body that uses one anyway gets MISSING_PARAMETER when rendered.
      if (!param.required && param.type === 'text') values.set(param.name, { kind: 'string', value: '' });
      if (!param.required && param.type === 'boolean') values.set(param.name, { kind: 'boolean', value: false });
      if (!param.required) continue;
      throw new GenerationError('MISSING_PARAMETER', `template "${template.id}" needs parameter "${param.name}" (${param.type})`, {
        details: { parameter: param.name, templateId: template.id },
      });
    }
    values.set(param.name, parseParameter(brand, param, raw, pageType));
  }
  return values;
}
