export { startEmbeddedWallet, consentPath, defaultClientId, defaultUsers } from './wallet.ts';
export type {
  Consent,
  EmbeddedWallet,
  EmbeddedWalletEvent,
  EmbeddedWalletFaults,
  EmbeddedWalletOptions,
  EmbeddedWalletUser,
} from './wallet.ts';
export {
  alipayPlusContent,
  alipayPlusPaths,
  alipayPlusResults,
  alipayPlusSign,
  alipayPlusSignatureHeader,
  alipayPlusVerify,
  parseAlipayPlusSignatureHeader,
} from './alipayPlus.ts';
export type { AlipayPlusResult, AlipayPlusResultStatus } from './alipayPlus.ts';
export { danaSnapCodes, danaSnapMessages, danaSnapPaths, jakartaTime } from './danaSnap.ts';
