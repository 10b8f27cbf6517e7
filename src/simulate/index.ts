// Public API of src/simulate (re-exported from src/index.ts).
export {};
