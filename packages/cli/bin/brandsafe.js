#!/usr/bin/env node
// The `brandsafe` command. Plain JS so it runs without a build tool; dist/ is built by the root
// `prepare` script (tsc -b) during `npm install`.
import { main } from '../dist/index.js';

await main();
