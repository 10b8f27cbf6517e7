// Public API of src/workflows (re-exported from src/index.ts): whole tasks from files to files.
export { studyReport, builtinStudy, readStudyFile, BUILTIN_STUDIES, type StudyReportOptions, type StudyReport } from './study-report.js';
