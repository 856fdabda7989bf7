/**
 * The Optimizely Opal tool manifest (the discovery document), in the format of Opal's tools
 * SDK as recorded in /work/shared/FACTS.md: exactly `{"functions": [...]}`, each function with
 * `name`, `description`, `parameters` (an array of `{name, type, description, required}`,
 * types string | integer | number | boolean | array | object), `endpoint` and `http_method`
 * "POST". `auth_requirements` is left out: the tool needs no user-level OAuth provider, only the
 * registry-level bearer credential (a brandsafe API token with the `generate` scope).
 */

/** A parameter type the Opal tools SDK understands. */
export type OpalParameterType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export interface OpalParameter {
  name: string;
  type: OpalParameterType;
  description: string;
  required: boolean;
}

export interface OpalFunction {
  name: string;
  description: string;
  parameters: OpalParameter[];
  endpoint: string;
  http_method: 'POST';
}

export interface OpalDiscovery {
  functions: OpalFunction[];
}

/** The tool's name; its endpoint is the SDK's default `/tools/<name>` with `_` → `-`, under /opal. */
export const GENERATE_TOOL = 'generate_brand_safe_code';
export const GENERATE_ENDPOINT = `/opal/tools/${GENERATE_TOOL.replaceAll('_', '-')}`;

/** The companion tool that tells the assistant which templates and parameters a brand offers. */
export const LIST_TOOL = 'list_brand_templates';
export const LIST_ENDPOINT = `/opal/tools/${LIST_TOOL.replaceAll('_', '-')}`;

/** The discovery document served at `GET /opal/discovery`. */
export const DISCOVERY: OpalDiscovery = {
  functions: [
    {
      name: GENERATE_TOOL,
      description:
        'Generate A/B-test variation code (JavaScript for Optimizely Web and similar tools) that obeys a brand: only approved ' +
        "DOM selectors, the brand's coding rules and its proven templates. Returns the code, the checker's findings and a " +
        'confidence score in [0, 1]; the code is stored for human review before it can be deployed.',
      parameters: [
        { name: 'brand', type: 'string', description: 'The brand, by name (e.g. "Northwind") or id.', required: true },
        {
          name: 'test_type',
          type: 'string',
          description: 'The kind of test, matched against the brand templates (e.g. "banner", "cta-change", "price-badge").',
          required: true,
        },
        { name: 'description', type: 'string', description: 'What the variation should do, in plain words.', required: true },
        {
          name: 'template_parameters',
          type: 'object',
          description:
            'Template parameter values by name (e.g. {"target": ".hero", "message": "Free shipping"}); selector parameters accept only approved selectors.',
          required: false,
        },
        { name: 'template_id', type: 'string', description: 'Use exactly this template of the brand instead of choosing one.', required: false },
        { name: 'page_type', type: 'string', description: 'The page type the code targets (e.g. "product-detail"); narrows templates and selectors.', required: false },
      ],
      endpoint: GENERATE_ENDPOINT,
      http_method: 'POST',
    },
    {
      name: LIST_TOOL,
      description:
        "List a brand's proven code templates: their test types, page types and typed parameters (selector parameters " +
        'accept only approved selectors). Use it to choose test_type and template_parameters for generate_brand_safe_code.',
      parameters: [
        { name: 'brand', type: 'string', description: 'The brand, by name (e.g. "Northwind") or id.', required: true },
        { name: 'test_type', type: 'string', description: 'Only templates fitting this test type (e.g. "banner").', required: false },
        { name: 'page_type', type: 'string', description: 'Only templates usable on this page type (e.g. "home").', required: false },
      ],
      endpoint: LIST_ENDPOINT,
      http_method: 'POST',
    },
  ],
};
