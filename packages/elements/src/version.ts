/** Name and version of this client, written into every payload (`client`). */
export const CLIENT = Object.freeze({ name: '@olva/elements', version: '0.1.0' });
