// Public API of src/output (re-exported from src/index.ts): files and folders written safely.
export { writeFileAtomic, openAtomicStream, temporaryName, type AtomicStream } from './atomic.js';
export { checkOutputFile, checkOutputFolder, refuseInputAsOutput, outputError, type NamedInput } from './paths.js';
export {
  openOutputFolder, readManifest, MANIFEST,
  type OutputFolder, type OutputFolderOptions, type Manifest, type ManifestEntry,
} from './folder.js';
