/** @brandsafe/lsp: The brandsafe language server (any LSP client). */
export {};
