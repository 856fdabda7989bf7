/** @brandsafe/server: The brandsafe cloud API, web portal and workers (Hono on Node). */
export {};
