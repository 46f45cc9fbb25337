// Vite's ?raw suffix imports a file's text; the tests read the shipped sample this way.
declare module "*?raw" {
  const text: string;
  export default text;
}

// Vite's import.meta.glob, as the test Worker uses it to read articles/ at bundle time.
interface ImportMeta {
  glob<T>(pattern: string, options: { query: string; import: string; eager: true }): Record<string, T>;
}
