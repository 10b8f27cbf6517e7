// Public API of src/report (re-exported from src/index.ts).
export {};
