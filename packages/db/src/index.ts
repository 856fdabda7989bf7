/** @brandsafe/db: kysely schema, migrations, PGlite/PostgreSQL connections and tenant scoping. */
export {};
