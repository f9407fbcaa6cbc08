/**
 * The whole-wallet backup use cases, one file each under `backup/`: export, open (decrypt and check
 * a file), plan (what an import would do, shared with `verify`) and import. This module only
 * re-exports them, so the front ends (cli/, server/) and the library entry keep one import path.
 */
export { backupExport, backupRekeyPlan, type BackupCounts, type BackupExportOptions, type BackupExportResult } from './backup/export.js';
export { backupOpen, type BackupContents, type BackupPayload } from './backup/open.js';
export { backupPlan, backupPlanWrite, type ImportItem, type ImportKind, type ImportPlan, type PlanStep } from './backup/plan.js';
export { backupImport, type ImportReport } from './backup/import.js';
