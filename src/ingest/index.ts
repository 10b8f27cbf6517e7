// Public API of src/ingest (re-exported from src/index.ts).
export {};
