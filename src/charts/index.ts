// Public API of src/charts (re-exported from src/index.ts).
export {};
