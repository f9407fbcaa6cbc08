/**
 * The identity use cases, one file each under `identity/`. This module only re-exports them, so the
 * front ends (cli/, server/) and the library entry keep one import path.
 */
export { identitySummary, identityResolve, signerQrText, type IdentityAccount, type IdentitySummary, type IdentityTuning } from './identity/shared.js';
export { identityUnlock, pinDelaySeconds } from './identity/unlock.js';
export { identityCreate, identityRecover } from './identity/create.js';
export { identityList, identityShow } from './identity/list.js';
export { identityShowPhrase } from './identity/showPhrase.js';
export { identityDeriveKey, identityDerivePlan, type DeriveOptions, type DerivePlan } from './identity/derivePlan.js';
export { identityDerive, type DeriveResult, type DeriveStatus } from './identity/derive.js';
export { identityAccountDerive, identityAccountPair } from './identity/accountPair.js';
export { identityFind, type FindNetwork, type FindResult } from './identity/find.js';
export { identityScan } from './identity/scan.js';
export { identityRename } from './identity/rename.js';
export { identityRemove } from './identity/remove.js';
