/** Envelope keys of the simulated web-view channel (the bridge script and the shell share them). */
export const TO_MINI_PROGRAM = '__webViewToMiniProgram__';
export const TO_PAGE = '__webViewToPage__';
