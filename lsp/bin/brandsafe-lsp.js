#!/usr/bin/env node
// `npx brandsafe-lsp --stdio`: the language server from the built package (see src/main.ts).
import '../dist/main.js';
