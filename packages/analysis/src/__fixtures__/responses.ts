/** The generated responses now live in @olva/test-support (the CLI and the reports use them too). */
export * from '@olva/test-support/responses';
