// Public API of src/labour (re-exported from src/index.ts).
export {};
