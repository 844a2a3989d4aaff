/** The version of @olva/analysis written into every results document (its package.json's). */
export const ANALYSIS_VERSION = '0.1.0';
