// Public API of src/describe (re-exported from src/index.ts).
export {};
