/** The VS Code extension (issue 3). */
export {};
