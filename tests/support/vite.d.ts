// What Vite (which runs the tests) adds to imports: `?raw` text and `import.meta.glob`.
declare module "*?raw" {
  const text: string;
  export default text;
}

interface ImportMeta {
  glob: import("vite/types/importGlob.d.ts").ImportGlobFunction;
}
